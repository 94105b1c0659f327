import { randomUUID } from "node:crypto";
import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import {
  createResidentialArea,
  lastAuditEvent,
  rootUnit,
  signedInAs,
  unitByCode,
} from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { seedGroupTypes } from "../groups";
import { queueDailyRetention, retentionWorker } from "./retention.job";

// Issue 19 item 5: retention rules, the dry run and the real run, figures unchanged.
let t: TestContext;
let dpo: Session; // data-protection officer at the country
let provinceDpo: Session; // at Cà Mau
let admin: Session;
let front: Session; // commune Front of Phường Bạc Liêu
let baclieuId: string;
let caMauId: string;
let group: string;
let oldMember: string;
let recentMember: string;

const api = (s: Session | null, method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
  call(t.app, s, method, `/api/v1${url}`, body);

async function snapshot() {
  const rows = await queryRows<{ j: string }>(
    t.app.db,
    sql`select coalesce(string_agg(j, '|' order by j), '') as j from (
          select row_to_json(m)::text as j from group_members m
          union all select row_to_json(h)::text from households h
          union all select row_to_json(x)::text from tips x) s`,
  );
  return rows[0]!.j;
}

async function indicators(from: string, to: string) {
  const codes = "groups.count,groups.members,households.count,tips.received";
  const res = await api(
    admin,
    "GET",
    `/indicators/query?indicators=${codes}&orgUnitId=${baclieuId}&from=${from}&to=${to}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ totals: Record<string, number | null> }>().totals;
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  await seedGroupTypes(db);
  const root = (await rootUnit(db)).id;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  dpo = await signedInAs(t.app, "data_protection_officer", root);
  provinceDpo = await signedInAs(t.app, "data_protection_officer", caMauId);
  admin = await signedInAs(t.app, "system_admin", root);
  front = await signedInAs(t.app, "commune_front", baclieuId);
  const area = await createResidentialArea(db, baclieuId);
  const g = await api(front, "POST", "/groups", {
    orgUnitId: area,
    typeCode: "khmer_clan_group",
    name: "Tổ tự quản dòng tộc Lâm",
    foundedOn: "2012-01-01",
  });
  expect(g.statusCode, g.body).toBe(201);
  group = g.json<{ id: string }>().id;
  const add = async (fullName: string, joinedOn: string, leftOn?: string) => {
    const m = await api(front, "POST", `/groups/${group}/members`, {
      fullName,
      joinedOn,
      ethnicity: "Khmer",
      religion: "Phật giáo Nam tông",
    });
    expect(m.statusCode, m.body).toBe(201);
    const id = m.json<{ id: string }>().id;
    if (leftOn) {
      expect((await api(front, "POST", `/groups/${group}/members/${id}/leave`, { leftOn })).statusCode).toBe(
        200,
      );
    }
    return id;
  };
  oldMember = await add("Lâm Văn Xưa", "2012-02-01", "2015-06-30");
  recentMember = await add("Lâm Thị Mới", "2012-02-01", todayInVietnam());
  await add("Lâm Văn Còn", "2013-01-01");
  // Households: one moved out in 2015 (due), one last year (not due), one still there.
  const [u] = await queryRows<{ path: string; provinceId: string }>(
    db,
    sql`select rollup_path as path, province_id as "provinceId" from org_units where id = ${area}`,
  );
  for (const [name, moved] of [
    ["Hộ Lâm Xưa", "2015-03-01"],
    ["Hộ Lâm Gần", `${Number(todayInVietnam().slice(0, 4)) - 1}-01-01`],
    ["Hộ Lâm Ở", null],
  ] as const) {
    await db.execute(sql`insert into households (org_unit_id, province_id, rollup_path, head_name, address, members,
        search_text, moved_out_on, created_at)
      values (${area}, ${u!.provinceId}, ${u!.path}, ${name}, 'Số 1 đường Trần Phú', 4, ${name.toLowerCase()},
        ${moved}::date, '2014-01-01')`);
  }
  // Tips: one decided in 2019 with contact (due), one decided recently (not due).
  for (const [decided, code] of [
    ["2019-05-01T03:00:00Z", "RT-OLD"],
    [new Date().toISOString(), "RT-NEW"],
  ] as const) {
    await db.execute(sql`insert into tips (id, code, verifier, category, org_unit_id, province_id, unit_path,
        received_hour, content, contact, status, decided_at, outcome)
      values (${randomUUID()}, ${code}, '\\x00'::bytea, 'drugs', ${baclieuId}, ${u!.provinceId}, ${u!.path},
        '2019-04-01T03:00:00Z', '\\x01'::bytea, '\\x02'::bytea, 'no_case', ${decided}::timestamptz, 'no_case')`);
  }
  // Feedback: one answered in 2015 with the sender's identity (due), one answered today (not due).
  for (const [answered, code] of [
    ["2015-05-01", "RF-OLD"],
    [todayInVietnam(), "RF-NEW"],
  ] as const) {
    await db.execute(sql`insert into feedback_items (id, code, verifier, kind, topic, org_unit_id, province_id,
        unit_path, body_kind, received_on, due_on, status, title, content, identity, answer, answered_on)
      values (${randomUUID()}, ${code}, '\\x00'::bytea, 'feedback', 'other', ${baclieuId}, ${u!.provinceId},
        ${u!.path}, 'front', ${answered}::date, ${answered}::date, 'answered', '\\x01'::bytea, '\\x02'::bytea,
        '\\x03'::bytea, '\\x04'::bytea, ${answered}::date)`);
  }
  // Each tip and feedback contact has its blind-index rows, as intake writes them (issue 19).
  await db.execute(sql`insert into citizen_contact_index (source, record_id, kind, term)
    select 'tip', id, k, md5(code || k) from tips, unnest(array['name', 'phone']) k where code like 'RT-%'
    union all
    select 'feedback', id, k, md5(code || k) from feedback_items, unnest(array['name', 'email']) k
      where code like 'RF-%'`);
});

/** The contact-index rows of the test's tips and feedback, by code: which still point to a record. */
async function indexedCodes() {
  const rows = await queryRows<{ code: string; n: number }>(
    t.app.db,
    sql`select x.code, count(*)::int as n from citizen_contact_index i
          join (select 'tip' as source, id, code from tips union all
                select 'feedback', id, code from feedback_items) x on x.source = i.source and x.id = i.record_id
        where x.code like 'RT-%' or x.code like 'RF-%' group by x.code order by x.code`,
  );
  return rows;
}
afterAll(() => t.close());

describe("retention rules", () => {
  it("is 401 without a session and 403 for a role without retention permissions", async () => {
    expect((await api(null, "GET", "/retention/rules")).statusCode).toBe(401);
    expect((await api(front, "GET", "/retention/rules")).statusCode).toBe(403);
    expect((await api(front, "POST", "/retention/run", { dryRun: true })).statusCode).toBe(403);
    expect((await api(admin, "POST", "/retention/run", { dryRun: true })).statusCode).toBe(403);
  });

  it("lists every rule with its basis and period, and what the caller may do", async () => {
    const res = await api(dpo, "GET", "/retention/rules");
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.can).toEqual({ update: true, run: true });
    expect(list.items.map((r: { kind: string }) => r.kind)).toEqual([
      "group_member_left",
      "household_moved_out",
      "tip_contact_closed",
      "feedback_identity_closed",
      "case_file_closed",
      "data_subject_request",
    ]);
    for (const r of list.items) expect(r.basis).toContain("91/2025/QH15");
    expect(list.items[0]).toMatchObject({
      periodMonths: 60,
      periodConfirmed: false,
      automated: true,
      enabled: true,
    });
    expect(list.items[4]).toMatchObject({ kind: "case_file_closed", automated: true });
    expect(list.items[5]).toMatchObject({ automated: false });
    expect((await api(admin, "GET", "/retention/rules")).json().can).toEqual({ update: false, run: false });
    expect((await api(provinceDpo, "GET", "/retention/rules")).json().can).toEqual({
      update: false,
      run: true,
    });
  });

  it("is 400 with the message for a bad body, writing nothing", async () => {
    const before = await lastAuditEvent(t.app.db);
    const run = await api(dpo, "POST", "/retention/run", { dryRun: "yes" });
    expect(run.statusCode).toBe(400);
    expect(run.json().error.issues).toEqual([
      { path: "dryRun", message: "Cần cho biết chạy thử hay chạy thật" },
    ]);
    expect((await api(dpo, "POST", "/retention/run", {})).statusCode).toBe(400);
    const neg = await api(dpo, "PUT", "/retention/rules/group_member_left", { periodMonths: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.issues).toEqual([{ path: "periodMonths", message: "Thời hạn không được âm" }]);
    expect((await api(dpo, "PUT", "/retention/rules/nope", { periodMonths: 12 })).statusCode).toBe(400);
    expect((await lastAuditEvent(t.app.db))?.id).toBe(before?.id);
  });

  it("changes a rule's period only for a country holder, audited", async () => {
    expect(
      (await api(provinceDpo, "PUT", "/retention/rules/feedback_identity_closed", { periodMonths: 24 }))
        .statusCode,
    ).toBe(403);
    const res = await api(dpo, "PUT", "/retention/rules/feedback_identity_closed", { periodMonths: 72 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ periodMonths: 72, defaultPeriodMonths: 60 });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "retention.rule_updated",
      actorId: dpo.accountId,
      data: { kind: "feedback_identity_closed", periodMonths: 72, enabled: true },
    });
  });
});

describe("running retention", () => {
  it("a dry run counts what is due and changes nothing", async () => {
    const before = await snapshot();
    const audit = await lastAuditEvent(t.app.db);
    const res = await api(dpo, "POST", "/retention/run", { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const byKind = Object.fromEntries(res.json().items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.group_member_left).toMatchObject({ due: 1, done: 0, skipped: null });
    expect(byKind.household_moved_out).toMatchObject({ due: 1, done: 0 });
    expect(byKind.tip_contact_closed).toMatchObject({ due: 1, done: 0 });
    expect(byKind.feedback_identity_closed).toMatchObject({ due: 1, done: 0 });
    // It lists the records it would change: ids and units, no personal data.
    expect(byKind.group_member_left.records).toEqual([
      { id: oldMember, unitId: expect.any(String), unitName: expect.any(String) },
    ]);
    const [oldTip] = await queryRows<{ id: string }>(
      t.app.db,
      sql`select id from tips where code = 'RT-OLD'`,
    );
    expect(byKind.tip_contact_closed.records).toEqual([
      { id: oldTip!.id, unitId: baclieuId, unitName: "Bạc Liêu" },
    ]);
    expect(byKind.household_moved_out.records).toHaveLength(1);
    expect(byKind.feedback_identity_closed.records).toHaveLength(1);
    expect(byKind.case_file_closed.records).toEqual([]);
    expect(byKind.data_subject_request.records).toBeUndefined();
    expect(JSON.stringify(res.json())).not.toMatch(/Lâm|Trần Phú/);
    expect(byKind.case_file_closed).toMatchObject({ due: 0, skipped: null });
    expect(byKind.data_subject_request).toMatchObject({ due: 0, skipped: "not_automated" });
    expect(await snapshot()).toBe(before);
    expect((await lastAuditEvent(t.app.db))?.id).toBe(audit?.id);
    expect((await indexedCodes()).map((r) => r.code)).toEqual(["RF-NEW", "RF-OLD", "RT-NEW", "RT-OLD"]);
  });

  it("a real run de-identifies the due rows only, keeps every figure and audits each rule with counts", async () => {
    const today = todayInVietnam();
    const ranges = [
      ["2012-01-01", "2014-12-31"],
      ["2015-01-01", "2015-12-31"],
      ["2012-01-01", today],
    ] as const;
    const figures = await Promise.all(ranges.map(([f, to]) => indicators(f, to)));
    expect(figures[2]!["groups.members"]).toBeGreaterThanOrEqual(1);
    const firstId = (await lastAuditEvent(t.app.db))!.id;

    const res = await api(dpo, "POST", "/retention/run", { dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const byKind = Object.fromEntries(res.json().items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.group_member_left).toMatchObject({ due: 1, done: 1 });
    expect(byKind.household_moved_out).toMatchObject({ due: 1, done: 1 });
    expect(byKind.tip_contact_closed).toMatchObject({ due: 1, done: 1 });
    expect(byKind.tip_contact_closed.records).toBeUndefined();
    expect(byKind.feedback_identity_closed).toMatchObject({ due: 1, done: 1 });

    expect(await Promise.all(ranges.map(([f, to]) => indicators(f, to)))).toEqual(figures);

    const roster = (await api(front, "GET", `/groups/${group}/members?limit=50`)).json().items as {
      id: string;
      fullName: string;
      religion: string | null;
      deidentified: boolean;
      leftOn: string | null;
    }[];
    expect(roster).toHaveLength(3);
    expect(roster.find((m) => m.id === oldMember)).toMatchObject({
      fullName: "",
      religion: null,
      deidentified: true,
      leftOn: "2015-06-30",
    });
    expect(roster.find((m) => m.id === recentMember)).toMatchObject({
      fullName: "Lâm Thị Mới",
      deidentified: false,
    });
    const households = await queryRows<{ head: string; moved: string | null }>(
      t.app.db,
      sql`select head_name as head, moved_out_on::text as moved from households where address <> '' or head_name = ''
          order by moved_out_on nulls last`,
    );
    expect(households.map((h) => h.head)).toEqual(["", "Hộ Lâm Gần", "Hộ Lâm Ở"]);
    const tips = await queryRows<{ code: string; contact: boolean }>(
      t.app.db,
      sql`select code, contact is not null as contact from tips where code like 'RT-%' order by code`,
    );
    expect(tips).toEqual([
      { code: "RT-NEW", contact: true },
      { code: "RT-OLD", contact: false },
    ]);
    const feedback = await queryRows<{ code: string; identity: boolean }>(
      t.app.db,
      sql`select code, identity is not null as identity from feedback_items where code like 'RF-%' order by code`,
    );
    expect(feedback).toEqual([
      { code: "RF-NEW", identity: true },
      { code: "RF-OLD", identity: false },
    ]);
    // No index row points to an erased contact; the kept contacts keep theirs.
    expect(await indexedCodes()).toEqual([
      { code: "RF-NEW", n: 2 },
      { code: "RT-NEW", n: 2 },
    ]);

    const events = await queryRows<{ action: string; data: Record<string, unknown>; actorId: string }>(
      t.app.db,
      sql`select action, data, actor_id as "actorId" from audit_log where id > ${firstId} order by id`,
    );
    expect(events.map((e) => e.data.kind)).toEqual([
      "group_member_left",
      "household_moved_out",
      "tip_contact_closed",
      "feedback_identity_closed",
      "case_file_closed",
    ]);
    expect(events[0]).toMatchObject({
      action: "retention.applied",
      actorId: dpo.accountId,
      data: { due: 1, done: 1, scheduled: false },
    });
    expect(JSON.stringify(events)).not.toContain("Lâm");

    const again = await api(dpo, "POST", "/retention/run", { dryRun: true });
    expect(again.json().items.every((i: { due: number }) => i.due === 0)).toBe(true);
  });

  it("queues the daily job once a day, even before anyone listed the rules; the job runs them all", async () => {
    const db = t.app.db;
    await db.execute(sql`delete from retention_rules`);
    expect(await queueDailyRetention(db)).toBe(true);
    expect(await queueDailyRetention(db)).toBe(false);
    const worker = retentionWorker(db, t.app.log);
    const before = (await lastAuditEvent(db))!.id;
    worker.kick();
    let job: { status: string } | undefined;
    for (let i = 0; i < 200 && job?.status !== "done" && job?.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      [job] = await queryRows<{ status: string }>(
        db,
        sql`select status from jobs where kind = 'retention.daily'`,
      );
    }
    expect(job?.status).toBe("done");
    await worker.stop();
    const events = await queryRows<{ data: { scheduled: boolean } }>(
      db,
      sql`select data from audit_log where id > ${before} and action = 'retention.applied'`,
    );
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.data.scheduled)).toBe(true);
    const rules = await queryRows<{ lastRunOn: string }>(
      db,
      sql`select last_run_on::text as "lastRunOn" from retention_rules`,
    );
    expect(rules.map((r) => r.lastRunOn)).toEqual(rules.map(() => todayInVietnam()));
    expect(await queueDailyRetention(db)).toBe(false);
  });
});
