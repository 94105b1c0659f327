import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { api, buildCaseWorld, newCase, type CaseWorld } from "../cases/test-support";
import { computeIndicator, computeIndicators } from "./registry";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r as unknown as { json: <T>() => T };
};

describe("social-evil, drug and community-education indicators count the records", () => {
  it("instances and persons apart, reformed instances, referrals, people educated before the community", async () => {
    const [ward] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.ward}`,
    );
    const scope = { rollupPathPrefix: ward!.path, year: 2026, asOf: "2026-12-31" };
    const person = await newCase(w, {
      kind: "drug_user",
      offenceCategory: "drug_use",
      offence: "Sử dụng trái phép chất ma túy",
      releaseOrDecisionDate: "2026-03-01",
      reportedInOn: "2026-03-01",
    });
    // Received three times: relapsed, relapsed, reformed — three instances, one person, one reformed.
    const dates = [
      ["2026-03-02", "2026-05-01", "relapsed"],
      ["2026-05-10", "2026-07-01", "relapsed"],
      ["2026-07-15", "2026-10-01", "reformed"],
    ] as const;
    for (const [receivedOn, outcomeOn, outcome] of dates) {
      const r = await ok(
        api(w, w.as.police, "POST", `/cases/${person.id}/help-instances`, {
          receivedOn,
          kind: "counselling",
          helper: "Tổ tự quản khóm",
        }),
      );
      const inst = r.json<{ helpInstances: { id: string; outcome: string }[] }>().helpInstances.at(-1)!;
      await ok(
        api(w, w.as.police, "POST", `/cases/${person.id}/help-instances/${inst.id}/outcome`, {
          outcome,
          outcomeOn,
        }),
      );
    }
    await ok(
      api(w, w.as.police, "POST", `/cases/${person.id}/referrals`, {
        referredOn: "2026-05-02",
        mode: "compulsory",
        facility: "Cơ sở cai nghiện ma túy tỉnh",
      }),
    );
    for (const name of ["Lê Văn A", "Lê Văn B"]) {
      const c = await newCase(w, {
        kind: "community_reprimand",
        fullName: name,
        offenceCategory: "public_order",
        offence: "Gây rối trật tự công cộng",
        releaseOrDecisionDate: "2026-06-01",
        reportedInOn: "2026-06-01",
      });
      for (const heldOn of ["2026-06-05", "2026-09-05"]) {
        await ok(
          api(w, w.as.police, "POST", `/cases/${c.id}/community-sessions`, {
            heldOn,
            presidedBy: "Trưởng khóm",
            venue: "Nhà văn hóa khóm",
            commitments: "Không tái phạm",
          }),
        );
      }
    }
    expect(
      await computeIndicators(
        w.t.app.db,
        [
          "social_evils.help_instances",
          "social_evils.help_persons",
          "social_evils.reformed_instances",
          "social_evils.community_educated",
          "drugs.rehab_referrals",
        ],
        scope,
      ),
    ).toEqual({
      "social_evils.help_instances": 3,
      "social_evils.help_persons": 1,
      "social_evils.reformed_instances": 1,
      "social_evils.community_educated": 2,
      "drugs.rehab_referrals": 1,
    });
    // By period: only the instance received in Q3 counts in Q3; nothing in 2025.
    expect(
      await computeIndicator(w.t.app.db, "social_evils.help_instances", {
        ...scope,
        from: "2026-07-01",
        to: "2026-09-30",
      }),
    ).toBe(1);
    expect(await computeIndicator(w.t.app.db, "social_evils.help_instances", { ...scope, year: 2025 })).toBe(
      0,
    );
    // A pre-reform commune merged into the ward answers from its own old subtree: none of these.
    const [old] = await queryRows<{ path: string; rollupPath: string }>(
      w.t.app.db,
      sql`select path, rollup_path as "rollupPath" from org_units
          where kind = 'commune' and valid_to is not null and rollup_path like ${`${ward!.path}%`} limit 1`,
    );
    expect(
      await computeIndicators(w.t.app.db, ["social_evils.help_instances", "drugs.rehab_referrals"], {
        ...scope,
        rollupPathPrefix: old!.rollupPath,
        unitPath: old!.path,
      }),
    ).toEqual({ "social_evils.help_instances": 0, "drugs.rehab_referrals": 0 });
  });
});
