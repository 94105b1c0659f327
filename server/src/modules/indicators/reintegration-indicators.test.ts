import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { api, assign, buildCaseWorld, newCase, type CaseWorld } from "../cases/test-support";
import { computeIndicator } from "./registry";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

describe("reintegration indicators count people from the case files", () => {
  it("re-educated, helped and reformed in a period", async () => {
    const [ward] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.ward}`,
    );
    const scope = { rollupPathPrefix: ward!.path, year: 2026, asOf: "2026-12-31" };
    const figure = async (
      code: "reintegration.reeducated" | "reintegration.helped" | "reintegration.reformed",
    ) => computeIndicator(w.t.app.db, code, scope);
    const before = {
      reeducated: await figure("reintegration.reeducated"),
      helped: await figure("reintegration.helped"),
      reformed: await figure("reintegration.reformed"),
    };

    await newCase(w, { kind: "commune_education", measureMonths: 3 });
    const helped = await newCase(w);
    await assign(w, helped.id);
    for (const kind of ["job", "vocational_training"]) {
      const s = await api(w, w.as.police, "POST", `/cases/${helped.id}/supports`, {
        kind,
        providedOn: "2026-11-30",
        provider: "Hội Liên hiệp Phụ nữ phường",
      });
      expect(s.statusCode, s.body).toBeLessThan(300);
    }
    const closed = await api(w, w.as.police, "POST", `/cases/${helped.id}/close`, {
      outcome: "expunged",
      closedOn: "2026-11-30",
    });
    expect(closed.statusCode, closed.body).toBe(200);

    // Two supports to one person count one person helped.
    expect(await figure("reintegration.reeducated")).toBe((before.reeducated ?? 0) + 1);
    expect(await figure("reintegration.helped")).toBe((before.helped ?? 0) + 1);
    expect(await figure("reintegration.reformed")).toBe((before.reformed ?? 0) + 1);
    // Nothing in an earlier year.
    expect(await computeIndicator(w.t.app.db, "reintegration.reformed", { ...scope, year: 2025 })).toBe(0);
  });
});
