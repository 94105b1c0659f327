import { setClock, todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, rootUnit, signedInAs } from "../../test/factories";
import type { Session } from "../../test/harness";
import { caseHelpFigures, caseStatistics } from "../cases";
import { api, assign, buildCaseWorld, newCase, type CaseWorld } from "../cases/test-support";

// Issue 19 item 5: case files ended by expungement (or a served education measure) are
// de-identified by the retention run; every figure stays.
let w: CaseWorld;
let dpo: Session;
let wardPath: string;
const ids: Record<string, string> = {};

async function atDay(day: string, fn: () => Promise<void>) {
  setClock(`${day}T03:00:00Z`);
  try {
    await fn();
  } finally {
    setClock(null);
  }
}

async function closedCase(name: string, over: Record<string, unknown>, outcome: string, closedOn: string) {
  const c = await newCase(w, { fullName: name, ...over });
  await assign(w, c.id, {
    decidedOn: over.reportedInOn,
    fileOpenedOn: over.reportedInOn,
  });
  const sup = await api(w, w.as.assignee, "POST", `/cases/${c.id}/supports`, {
    kind: "job",
    providedOn: over.reportedInOn,
    provider: "Hợp tác xã Thử",
    notes: `Ghi chú hỗ trợ ${name}`,
  });
  expect(sup.statusCode, sup.body).toBe(200);
  const closed = await api(w, w.as.officer, "POST", `/cases/${c.id}/close`, {
    outcome,
    closedOn,
    notes: `Kết thúc ${name}`,
  });
  expect(closed.statusCode, closed.body).toBe(200);
  return c.id;
}

/** Every figure the cases module exports, over the years the files span. */
async function figures() {
  const subtree = { rollupPathPrefix: wardPath };
  const out = [];
  for (const [from, to] of [
    ["2015-01-01", "2015-12-31"],
    ["2016-01-01", "2016-12-31"],
    ["2015-01-01", todayInVietnam()],
  ] as const) {
    out.push(await caseStatistics(w.t.app.db, { ...subtree, from, to }));
    out.push(await caseHelpFigures(w.t.app.db, { ...subtree, from, to }));
  }
  return out;
}

const sealedLeft = async (id: string) =>
  (
    await queryRows<{ n: number; idx: string; on: string | null }>(
      w.t.app.db,
      sql`select (num_nonnulls(full_name_sealed, date_of_birth_sealed, identity_sealed, offence_category_sealed,
            offence_sealed, notes_sealed, close_notes_sealed)
            + (select count(*) from case_supports s where s.case_id = c.id and s.notes_sealed is not null))::int as n,
            identity_index as idx, deidentified_on::text as on
          from cases c where id = ${id}`,
    )
  )[0]!;

beforeAll(async () => {
  w = await buildCaseWorld();
  dpo = await signedInAs(w.t.app, "data_protection_officer", (await rootUnit(w.t.app.db)).id);
  wardPath = (
    await queryRows<{ p: string }>(
      w.t.app.db,
      sql`select rollup_path as p from org_units where id = ${w.ward}`,
    )
  )[0]!.p;
  const old = { releaseOrDecisionDate: "2015-01-05", reportedInOn: "2015-01-12" };
  await atDay("2016-04-01", async () => {
    ids.expunged = await closedCase("Trần Văn Xóa", old, "expunged", "2016-03-01");
    ids.died = await closedCase("Trần Văn Mất", old, "died", "2016-03-01");
    ids.education = await closedCase(
      "Lê Văn Giáo",
      { ...old, kind: "commune_education", measureMonths: 3, releaseOrDecisionDate: "2015-01-12" },
      "completed",
      "2015-04-11",
    );
  });
  ids.recent = await closedCase(
    "Trần Văn Gần",
    { releaseOrDecisionDate: "2026-01-05", reportedInOn: "2026-01-12" },
    "expunged",
    todayInVietnam(),
  );
  ids.open = (await newCase(w, { fullName: "Trần Văn Đang" })).id;
});
afterAll(() => w.t.close());

describe("case-file retention", () => {
  it("is listed as automated, with its period and an honest basis", async () => {
    const res = await api(w, dpo, "GET", "/retention/rules");
    expect(res.statusCode, res.body).toBe(200);
    const rule = res.json().items.find((r: { kind: string }) => r.kind === "case_file_closed");
    expect(rule).toMatchObject({ automated: true, periodMonths: 60, periodConfirmed: false, enabled: true });
    expect(rule.basis).toContain("Thông tư 10/2024/TT-BCA");
    expect(rule.basis).toContain("[?]");
  });

  it("a dry run counts the two due files and writes nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const res = await api(w, dpo, "POST", "/retention/run", { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { kind: string }) => i.kind === "case_file_closed");
    expect(item).toMatchObject({ due: 2, done: 0, skipped: null });
    expect((await sealedLeft(ids.expunged!)).n).toBe(8);
    expect((await lastAuditEvent(w.t.app.db))?.id).toBe(before?.id);
  });

  it("a real run de-identifies only the expunged and served files, keeps every figure, audits the counts", async () => {
    const before = await figures();
    expect(before[0]).toMatchObject({ newInPeriod: 3, expunged: 0, completed: 1 });
    expect(before[2]).toMatchObject({ expunged: 1, died: 1 });
    const read = await api(
      w,
      w.as.police,
      "GET",
      `/cases/${ids.expunged}?reason=${encodeURIComponent("Kiểm tra định kỳ")}`,
    );
    expect(read.statusCode, read.body).toBe(200);

    const res = await api(w, dpo, "POST", "/retention/run", { dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { kind: string }) => i.kind === "case_file_closed");
    expect(item).toMatchObject({ due: 2, done: 2 });

    expect(await figures()).toEqual(before);
    for (const id of [ids.expunged!, ids.education!]) {
      expect(await sealedLeft(id)).toEqual({ n: 0, idx: "", on: todayInVietnam() });
    }
    for (const id of [ids.died!, ids.recent!]) {
      expect(await sealedLeft(id)).toMatchObject({ n: 8, on: null });
    }
    expect((await sealedLeft(ids.open!)).on).toBeNull();

    // Gone from reads and lists; the others still there.
    expect(
      (
        await api(
          w,
          w.as.police,
          "GET",
          `/cases/${ids.expunged}?reason=${encodeURIComponent("Kiểm tra định kỳ")}`,
        )
      ).statusCode,
    ).toBe(404);
    const list = (await api(w, w.as.police, "GET", "/cases?limit=100")).json().items as { id: string }[];
    const listed = new Set(list.map((c) => c.id));
    expect(listed.has(ids.expunged!)).toBe(false);
    expect(listed.has(ids.education!)).toBe(false);
    expect(listed.has(ids.died!) && listed.has(ids.recent!) && listed.has(ids.open!)).toBe(true);

    const event = await queryRows<{ data: Record<string, unknown> }>(
      w.t.app.db,
      sql`select data from audit_log where action = 'retention.applied' and entity_id = 'case_file_closed'`,
    );
    expect(event).toHaveLength(1);
    expect(event[0]!.data).toMatchObject({ kind: "case_file_closed", due: 2, done: 2, scheduled: false });
    expect(JSON.stringify(event)).not.toContain("Xóa");

    const again = await api(w, dpo, "POST", "/retention/run", { dryRun: true });
    const next = again.json().items.find((i: { kind: string }) => i.kind === "case_file_closed");
    expect(next.due).toBe(0);
  });
});
