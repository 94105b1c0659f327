import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../test/harness";
import { restrictRecord } from "../citizen";
import {
  api,
  buildRestrictWorld,
  EVAL_YEAR,
  h,
  ids,
  idOf,
  m,
  ok,
  PDF,
  PERSON,
  type Res,
  rows,
  S,
  safeFamily,
  sf,
  TODAY,
  YEAR,
} from "./test-support";

/**
 * Restriction of processing stops every write to the record, not only its reads (decision 0017,
 * addendum): each write to a restricted household, its commitments and recognitions, or a roster
 * member is refused with 409 `record_restricted` and changes no row (direct, or as an entry of the
 * offline outbox's batch); the neighbour's same write goes through; lifting restores the writes;
 * erasing a restricted record ends its restriction, audited. Lists: privacy-restrict-lists.test.ts.
 */
function upload(s: Session, id: string, year: number): Promise<Res> {
  const boundary = "----restrict-test";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cam-ket.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return S.w.t.app.inject({
    method: "PUT",
    url: `/api/v1/households/${id}/commitments/${year}/scan`,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
    },
    payload,
  });
}

/** Every row a write to these records could change, and the audit chain's length. */
async function snapshot() {
  const dump = (table: string) =>
    rows<Record<string, unknown>>(sql`select * from ${sql.identifier(table)} order by 1`);
  const tables = [
    "households",
    "household_commitments",
    "household_safe_families",
    "group_members",
    "group_year_ratings",
    "group_evaluations",
    "citizen_restrictions",
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = JSON.stringify(await dump(t));
  out.audit = (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]!.n;
  return out;
}

/** The writes to one household or member (k: "r" or "n"), each as the cadre sends it. */
const WRITES: { name: string; send: (k: "r" | "n") => Promise<Res>; status: number }[] = [
  {
    name: "updateHousehold",
    send: (k) => api(S.front, "PATCH", `/households/${h[k]}`, { members: 7 }),
    status: 200,
  },
  {
    name: "updateHousehold (moved out)",
    send: (k) => api(S.front, "PATCH", `/households/${h[k]}`, { movedOutOn: TODAY }),
    status: 200,
  },
  {
    name: "recordCommitment",
    send: (k) =>
      api(S.front, "POST", `/households/${h[k]}/commitments`, {
        year: YEAR,
        signedOn: TODAY,
        formVersion: "Mẫu 2026",
      }),
    status: 201,
  },
  { name: "attachCommitmentScan", send: (k) => upload(S.front, h[k], YEAR - 1), status: 200 },
  {
    name: "recordSafeFamily",
    send: (k) => api(S.front, "POST", `/households/${h[k]}/safe-families`, safeFamily(YEAR)),
    status: 201,
  },
  {
    name: "recordSafeFamilies (the area's review)",
    send: (k) =>
      api(S.front, "POST", "/households/safe-families/review", {
        orgUnitId: S.w.area,
        householdIds: [h[k]],
        ...safeFamily(YEAR - 2),
      }),
    status: 200,
  },
  {
    name: "withdrawSafeFamily",
    send: (k) =>
      api(S.front, "POST", `/households/safe-families/${sf[k]}/withdraw`, {
        withdrawnOn: TODAY,
        reason: "Vi phạm",
      }),
    status: 200,
  },
  {
    name: "recordTeamEvaluations",
    send: (k) =>
      api(S.front, "POST", `/groups/${S.groupId}/year-evaluations`, {
        year: EVAL_YEAR,
        members: [{ memberId: m[k], rating: "good" }],
      }),
    status: 200,
  },
  {
    name: "syncBatch (the outbox: a household's change and its commitment)",
    send: async (k) => {
      const res = await api(S.front, "POST", "/sync/batch", {
        entries: [
          {
            clientId: randomUUID(),
            operation: "updateHousehold",
            params: { id: h[k] },
            body: { members: 2 },
          },
          {
            clientId: randomUUID(),
            operation: "recordCommitment",
            params: { id: h[k] },
            body: { year: YEAR - 3, signedOn: `${YEAR - 3}-05-01`, formVersion: "Mẫu cũ" },
          },
        ],
      });
      ok(res, 200);
      // The batch answers 200; each entry answers as its route does: all refused, or all done.
      const results = res.json<{ results: { status: number; error?: { code: string } }[] }>().results;
      const refused = results.every((r) => r.status === 409 && r.error?.code === "record_restricted");
      const done = results.every((r) => r.status === 200 || r.status === 201);
      const statusCode = refused ? 409 : done ? 200 : 500;
      const json = () => (refused ? { error: results[0]!.error } : results);
      return { statusCode, body: JSON.stringify(results), json } as unknown as Res;
    },
    status: 200,
  },
  {
    name: "removeGroupMember",
    send: (k) => api(S.front, "POST", `/groups/${S.groupId}/members/${m[k]}/leave`, { leftOn: TODAY }),
    status: 200,
  },
];

beforeAll(buildRestrictWorld, 300_000);
afterAll(() => S.w.t.close());

describe("writes to a restricted record", () => {
  for (const write of WRITES) {
    it(`${write.name}: refused with record_restricted, nothing written; the neighbour's goes through`, async () => {
      const before = await snapshot();
      const refused = await write.send("r");
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: "record_restricted" } });
      expect(await snapshot()).toEqual(before);
      const done = await write.send("n");
      expect(done.statusCode, done.body).toBe(write.status);
      expect(await snapshot()).not.toEqual(before);
    });
  }

  it("names the refused entries of a batch and writes none of it", async () => {
    const before = await snapshot();
    const res = await api(S.front, "POST", "/households/safe-families/review", {
      orgUnitId: S.w.area,
      householdIds: [h.n, h.r],
      ...safeFamily(YEAR - 3),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "record_restricted",
      issues: [{ path: "householdIds.1" }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input to a restricted record as bad input, out of scope as 404, and writes nothing", async () => {
    const before = await snapshot();
    const bad = await api(S.front, "PATCH", `/households/${h.r}`, { members: -1 });
    expect(bad.statusCode, bad.body).toBe(400);
    const other = await api(S.w.as.otherCommunePolice, "PATCH", `/households/${h.r}`, { members: 5 });
    expect(other.statusCode).toBe(404);
    const otherLeave = await api(
      S.w.as.otherCommunePolice,
      "POST",
      `/groups/${S.groupId}/members/${m.r}/leave`,
      {
        leftOn: TODAY,
      },
    );
    expect(otherLeave.statusCode).toBe(404);
    // A restricted household is still 404 to an ordinary read.
    expect((await api(S.front, "GET", `/households/${h.r}`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts the writes again once the officer lifts the restriction", async () => {
    ok(
      await api(S.dpo, "POST", "/privacy/restrictions/lift", {
        source: "household",
        recordId: h.r,
        reason: "Người yêu cầu rút lại",
      }),
      200,
    );
    ok(await api(S.front, "PATCH", `/households/${h.r}`, { members: 5 }), 200);
    ok(
      await api(S.front, "POST", `/households/${h.r}/commitments`, {
        year: YEAR,
        signedOn: TODAY,
        formVersion: "Mẫu 2026",
      }),
    );
    ok(
      await api(S.front, "POST", `/households/safe-families/${sf.r}/withdraw`, {
        withdrawnOn: TODAY,
        reason: "Vi phạm",
      }),
      200,
    );
    // The member is still restricted.
    expect(
      (await api(S.front, "POST", `/groups/${S.groupId}/members/${m.r}/leave`, { leftOn: TODAY })).statusCode,
    ).toBe(409);
  });

  it("ends the restriction when the record is erased, in the same request, audited", async () => {
    const restrictions = () =>
      rows<{ id: string }>(sql`select record_id as id from citizen_restrictions order by record_id`);
    expect((await restrictions()).map((r) => r.id).sort()).toEqual([m.r, ids.tip, ids.feedback].sort());
    const created = await api(S.dpo, "POST", "/privacy/requests", {
      orgUnitId: S.w.province,
      kind: "delete",
      channel: "in_person",
      identityCheckedBy: "Lê Văn Kiểm, đối chiếu CCCD bản gốc",
      subject: { fullName: PERSON, phone: "0912345987" },
    });
    ok(created);
    const erase = idOf(created);
    ok(await api(S.dpo, "POST", `/privacy/requests/${erase}/execute`, { confirm: true }), 200);
    expect(await restrictions()).toEqual([]);
    const ended = await rows<{ entityId: string; data: { reason: string } }>(
      sql`select entity_id as "entityId", data from audit_log
          where action = 'privacy.restriction_lifted' and entity_id in (${m.r}, ${ids.tip}, ${ids.feedback})`,
    );
    expect(ended.map((e) => e.entityId).sort()).toEqual([m.r, ids.tip, ids.feedback].sort());
    for (const e of ended) expect(e.data.reason).toContain(erase);
    const member = await rows<{ deidentified: boolean }>(
      sql`select deidentified_at is not null as deidentified from group_members where id = ${m.r}`,
    );
    expect(member[0]!.deidentified).toBe(true);
    // The neighbour's rows stay as they were.
    const n = await rows<{ deidentified: boolean }>(
      sql`select deidentified_at is not null as deidentified from group_members where id = ${m.n}`,
    );
    expect(n[0]!.deidentified).toBe(false);
  });
});

describe("a restriction committed while a write is on its way", () => {
  it("is seen by the write, which waits for it and is refused; nothing written", async () => {
    const [area] = await rows<{ orgUnitId: string; rollupPath: string; members: number }>(
      sql`select org_unit_id as "orgUnitId", rollup_path as "rollupPath", members from households where id = ${h.n}`,
    );
    const [request] = await rows<{ id: string }>(sql`select id from privacy_requests limit 1`);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let restricted!: () => void;
    const inserted = new Promise<void>((resolve) => (restricted = resolve));
    // The privacy officer's transaction: the restriction is written, not yet committed.
    const restricting = S.w.t.app.db.transaction(async (tx) => {
      await restrictRecord(
        tx,
        { action: "restrict", requestId: request!.id, actorId: S.dpo.accountId },
        { source: "household", module: "households", recordId: h.n, doneVi: "", ...area! },
      );
      restricted();
      await held;
    });
    await Promise.race([inserted, restricting]);
    let answered = false;
    const write = api(S.front, "PATCH", `/households/${h.n}`, { members: area!.members + 1 }).finally(() => {
      answered = true;
    });
    // Long enough for the write to have read a restriction row that is not yet committed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    commit();
    await restricting;
    const res = await write;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "record_restricted" } });
    const [after] = await rows<{ members: number }>(sql`select members from households where id = ${h.n}`);
    expect(after!.members).toBe(area!.members);
    await S.w.t.app.db.execute(sql`delete from citizen_restrictions where record_id = ${h.n}`);
  });
});
