import { setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import type { Session } from "../../test/harness";
import { api, buildCaseWorld, caseBody, type CaseWorld } from "../cases/test-support";
import { contactIndexFor, ReceiptVerifier } from "../citizen";
import { citizen } from "../citizen/test-support";
import { seedGroupTypes } from "../groups";
import { backfillTipContacts, submitTip } from "../tips";

/**
 * Carrying a data subject's request out (issue 19): one person held by every module that holds
 * people — a household head, a team member, a commended person, two tips and two feedback items
 * with their contact, a case file — is found completely, each record is erased or kept with its
 * reason, figures stay, every write is audited, and the answer is within the 72-hour clock.
 */
let w: CaseWorld;
let dpo: Session;
const PERSON = "Phạm Văn Xóa";
const PHONE = "0987 654 321";
const IDN = "096179000111";
type Rec = { module: string; entityId: string; match: string; exception: string | null };
type Action = {
  module: string;
  entityId: string;
  outcome: string;
  exception: string | null;
  reasonVi: string | null;
};

const ok = (r: { statusCode: number; body: string }, code = 201) => expect(r.statusCode, r.body).toBe(code);
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(w.t.app.db, q);
const n = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(q))[0]!.n;

async function tip(contact: Record<string, unknown>) {
  const res = await citizen(w.t.app, "/tips", {
    category: "drugs",
    description: "Có người bán ma túy ở đầu hẻm 7",
    provinceId: w.province,
    communeId: w.ward,
    contact: { consent: true, ...contact },
  });
  ok(res);
  const code = res.json<{ code: string }>().code;
  return (await rows<{ id: string }>(sql`select id from tips where code = ${code}`))[0]!.id;
}

async function feedback(kind: string, identity: Record<string, unknown>) {
  const res = await citizen(w.t.app, "/feedback", {
    kind,
    topic: "officials",
    title: "Cán bộ địa chính",
    content: "Cán bộ địa chính phường chậm giải quyết hồ sơ.",
    provinceId: w.province,
    communeId: w.ward,
    identity: { consent: true, ...identity },
  });
  ok(res);
  const code = res.json<{ code: string }>().code;
  return (await rows<{ id: string }>(sql`select id from feedback_items where code = ${code}`))[0]!.id;
}

type Key =
  | "household"
  | "member"
  | "commendation"
  | "tip"
  | "caseTip"
  | "otherTip"
  | "feedback"
  | "denunciation"
  | "case";
const ids = {} as Record<Key, string>;
let groupId = "";

beforeAll(async () => {
  w = await buildCaseWorld();
  await seedGroupTypes(w.t.app.db);
  dpo = await signedInAs(w.t.app, "data_protection_officer", w.province, "police");
  const front = w.as.sameCommuneFront;
  const hh = await api(w, front, "POST", "/households", {
    orgUnitId: w.area,
    headName: PERSON,
    address: "Số 9, hẻm 7, Khóm thử",
    members: 3,
  });
  ok(hh);
  ids.household = hh.json<{ id: string }>().id;
  // Someone else in the same area: never found, never touched.
  ok(
    await api(w, front, "POST", "/households", {
      orgUnitId: w.area,
      headName: "Phạm Văn Khác",
      address: "Số 1",
      members: 2,
    }),
  );
  const group = await api(w, front, "POST", "/groups", {
    orgUnitId: w.area,
    typeCode: "self_management_group",
    name: "Tổ tự quản hẻm 7",
    foundedOn: "2020-01-01",
  });
  ok(group);
  groupId = group.json<{ id: string }>().id;
  const member = await api(w, front, "POST", `/groups/${groupId}/members`, {
    fullName: "Pham Van Xoa",
    birthDate: "1979-05-04",
    joinedOn: "2021-01-01",
    ethnicity: "Khmer",
  });
  ok(member);
  ids.member = member.json<{ id: string }>().id;
  const commendation = await api(w, front, "POST", "/commendations", {
    orgUnitId: w.area,
    nomineeKind: "person",
    nomineeName: PERSON,
    achievements: "Tham gia tuần tra, báo tin giúp bắt đối tượng",
    evidence: [],
    nominatedOn: "2026-08-01",
  });
  ok(commendation);
  ids.commendation = commendation.json<{ id: string }>().id;
  // Tips: one matched by the phone written differently, one that became a case (kept).
  ids.tip = await tip({ name: "Người báo tin", phone: "+84 987.654.321" });
  ids.caseTip = await tip({ name: PERSON, email: "xoa@example.vn" });
  ok(await api(w, w.as.police, "POST", `/tips/${ids.caseTip}/triage`, { urgency: "normal" }), 200);
  ok(
    await api(w, w.as.provincePolice, "POST", `/tips/${ids.caseTip}/outcome`, {
      outcome: "case_opened",
      casesSolved: 1,
      arrests: 1,
      note: "Đã khởi tố",
    }),
    200,
  );
  ids.otherTip = await tip({ name: "Người khác", phone: "0911 000 222" });
  // Feedback: a petition (erasable) and a denunciation (kept under the Law on Denunciations).
  ids.feedback = await feedback("kien_nghi", { name: PERSON, phone: PHONE });
  ids.denunciation = await feedback("to_cao", { name: "Pham Van Xoa", address: "Hẻm 7" });
  const kase = await api(
    w,
    w.as.police,
    "POST",
    "/cases",
    caseBody(w, { identityNumber: IDN, fullName: PERSON }),
  );
  ok(kase);
  ids.case = kase.json<{ id: string }>().id;
}, 300_000);
afterAll(() => w.t.close());
afterEach(() => setClock(null));

const request = (over: Record<string, unknown> = {}) =>
  api(w, dpo, "POST", "/privacy/requests", {
    orgUnitId: w.province,
    kind: "delete",
    channel: "in_person",
    identityCheckedBy: "Trần Văn Kiểm, đối chiếu CCCD bản gốc",
    subject: {
      fullName: PERSON,
      birthYear: 1979,
      phone: "0987654321",
      email: "XOA@example.vn",
      identityNumber: IDN,
    },
    ...over,
  });

describe("carrying out a data subject's request", () => {
  it("finds every record in every module, erases what no exception covers, keeps the rest with its reason, within the clock", async () => {
    // Received 23:30 in Vietnam; the clock is 72 real hours.
    setClock("2027-03-01T16:30:00Z");
    const created = await request();
    ok(created);
    const id = created.json<{ id: string }>().id;
    const found = await api(w, dpo, "POST", `/privacy/requests/${id}/search`);
    ok(found, 200);
    const items = found.json<{ items: Rec[] }>().items;
    const got = (m: string) =>
      items
        .filter((x) => x.module === m)
        .map((x) => x.entityId)
        .sort();
    expect(got("households")).toEqual([ids.household]);
    expect(got("groups")).toEqual([ids.member]);
    expect(got("commendations")).toEqual([ids.commendation]);
    expect(got("tips")).toEqual([ids.tip, ids.caseTip].sort());
    expect(got("feedback")).toEqual([ids.feedback, ids.denunciation].sort());
    expect(got("cases")).toEqual([ids.case]);
    expect(items).toHaveLength(8);
    const byId = new Map(items.map((x) => [x.entityId, x]));
    expect(byId.get(ids.tip)).toMatchObject({ match: "phone", exception: null });
    expect(byId.get(ids.caseTip)).toMatchObject({ match: "email", exception: "crime_prevention" });
    expect(byId.get(ids.denunciation)).toMatchObject({ match: "name", exception: "legal_obligation" });

    const before = {
      households: await n(sql`select count(*)::int as n from households`),
      members: await n(sql`select count(*)::int as n from group_members where group_id = ${groupId}`),
      tips: await n(sql`select count(*)::int as n from tips`),
      feedback: await n(sql`select count(*)::int as n from feedback_items`),
      commendations: await n(sql`select count(*)::int as n from commendations`),
    };
    const unconfirmed = await api(w, dpo, "POST", `/privacy/requests/${id}/execute`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.issues[0].path).toBe("confirm");
    expect(
      (await api(w, w.as.admin, "POST", `/privacy/requests/${id}/execute`, { confirm: true })).statusCode,
    ).toBe(403);

    setClock("2027-03-03T10:00:00Z");
    const done = await api(w, dpo, "POST", `/privacy/requests/${id}/execute`, { confirm: true });
    ok(done, 200);
    const detail = done.json<{ executedAt: string; actions: Action[]; can: { execute: boolean } }>();
    expect(detail.executedAt).toBe("2027-03-03T10:00:00.000Z");
    expect(detail.can.execute).toBe(false);
    const outcome = new Map(detail.actions.map((a) => [a.entityId, a]));
    expect(detail.actions).toHaveLength(8);
    for (const k of ["household", "member", "commendation", "tip", "feedback"] as const) {
      expect(outcome.get(ids[k]), k).toMatchObject({ outcome: "done", exception: null });
    }
    expect(outcome.get(ids.caseTip)).toMatchObject({ outcome: "kept", exception: "crime_prevention" });
    expect(outcome.get(ids.caseTip)!.reasonVi).toMatch(/thụ lý thành vụ việc/);
    expect(outcome.get(ids.denunciation)).toMatchObject({ outcome: "kept", exception: "legal_obligation" });
    expect(outcome.get(ids.denunciation)!.reasonVi).toMatch(/Luật Tố cáo/);
    expect(outcome.get(ids.case)).toMatchObject({ outcome: "kept", exception: "crime_prevention" });

    // What the modules hold now: de-identified rows, kept rows untouched, nobody else touched.
    expect(
      await rows(sql`select head_name as h, address as a from households where id = ${ids.household}`),
    ).toEqual([{ h: "", a: "" }]);
    expect(await n(sql`select count(*)::int as n from households where head_name = 'Phạm Văn Khác'`)).toBe(1);
    expect(
      await rows(
        sql`select full_name_sealed is null as s, name_index is null as i, ethnicity_sealed is null as e, deidentified_at is not null as d
            from group_members where id = ${ids.member}`,
      ),
    ).toEqual([{ s: true, i: true, e: true, d: true }]);
    expect(
      await rows(sql`select nominee_name as x, published from commendations where id = ${ids.commendation}`),
    ).toEqual([{ x: "", published: false }]);
    const contact = async (t: string, col: string, rid: string) =>
      (
        await rows<{ kept: boolean }>(
          sql`select ${sql.raw(col)} is not null as kept from ${sql.raw(t)} where id = ${rid}`,
        )
      )[0]!.kept;
    expect(await contact("tips", "contact", ids.tip)).toBe(false);
    expect(await contact("tips", "contact", ids.caseTip)).toBe(true);
    expect(await contact("tips", "contact", ids.otherTip)).toBe(true);
    expect(await contact("feedback_items", "identity", ids.feedback)).toBe(false);
    expect(await contact("feedback_items", "identity", ids.denunciation)).toBe(true);
    const indexed = async (rid: string) =>
      n(sql`select count(*)::int as n from citizen_contact_index where record_id = ${rid}`);
    expect(await indexed(ids.tip)).toBe(0);
    expect(await indexed(ids.feedback)).toBe(0);
    expect(await indexed(ids.caseTip)).toBeGreaterThan(0);
    // Counts stay: every row is still there.
    expect({
      households: await n(sql`select count(*)::int as n from households`),
      members: await n(sql`select count(*)::int as n from group_members where group_id = ${groupId}`),
      tips: await n(sql`select count(*)::int as n from tips`),
      feedback: await n(sql`select count(*)::int as n from feedback_items`),
      commendations: await n(sql`select count(*)::int as n from commendations`),
    }).toEqual(before);

    // Each module's write audited, naming the request, never the person.
    const events = await rows<{ action: string; entityType: string; entityId: string }>(
      sql`select action, entity_type as "entityType", entity_id as "entityId" from audit_log
          where action = 'privacy.record_erased' and data->>'requestId' = ${id} order by entity_type`,
    );
    expect(events.map((e) => e.entityId).sort()).toEqual(
      [ids.household, ids.member, ids.commendation, ids.tip, ids.feedback].sort(),
    );
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.request_executed",
      data: { action: "erase", done: 5, kept: 3, none: 0 },
    });
    expect(JSON.stringify(await lastAuditEvent(w.t.app.db))).not.toContain("Xóa");

    // Again: 409. A new search finds only what stays.
    expect((await api(w, dpo, "POST", `/privacy/requests/${id}/execute`, { confirm: true })).statusCode).toBe(
      409,
    );
    const after = (await api(w, dpo, "POST", `/privacy/requests/${id}/search`)).json<{ items: Rec[] }>()
      .items;
    expect(after.map((x) => x.entityId).sort()).toEqual([ids.caseTip, ids.denunciation, ids.case].sort());

    // The readable export names each record's outcome, and why the kept ones stay.
    const file = (await api(w, dpo, "GET", `/privacy/requests/${id}/export`)).json<{
      ketQuaThucHien: { phanHe: string; ketQua: string; lyDo: string | null }[];
    }>();
    expect(file.ketQuaThucHien).toHaveLength(8);
    expect(
      file.ketQuaThucHien
        .filter((x) => x.ketQua === "Giữ lại")
        .map((x) => x.phanHe)
        .sort(),
    ).toEqual(["cases", "feedback", "tips"]);

    // The answer within 72 hours is on time; the detail keeps the per-record outcomes.
    setClock("2027-03-04T16:29:00Z");
    const answer = await api(w, dpo, "POST", `/privacy/requests/${id}/answer`, {
      outcome: "partly_fulfilled",
      answer: "Đã xóa dữ liệu; tin báo đã thành vụ việc, đơn tố cáo và hồ sơ quản lý được giữ theo quy định.",
      exceptions: ["crime_prevention", "legal_obligation"],
    });
    ok(answer, 200);
    expect(answer.json()).toMatchObject({ status: "answered", overdue: false, answeredLate: false });
    expect(answer.json().actions).toHaveLength(8);
  });

  it("corrects the person's name everywhere it can, and the index finds the new name, not the old", async () => {
    const name = "Đỗ Thị Sửa";
    ok(
      await api(w, w.as.sameCommuneFront, "POST", "/households", {
        orgUnitId: w.area,
        headName: name,
        address: "Số 3",
        members: 1,
      }),
    );
    const fix = await tip({ name, phone: "0977 111 333" });
    const created = await request({ kind: "correct", subject: { fullName: name, phone: "0977111333" } });
    ok(created);
    const id = created.json<{ id: string }>().id;
    const noValues = await api(w, dpo, "POST", `/privacy/requests/${id}/execute`, { confirm: true });
    expect(noValues.statusCode).toBe(400);
    expect(noValues.json().error.issues[0].path).toBe("correction");
    const done = await api(w, dpo, "POST", `/privacy/requests/${id}/execute`, {
      confirm: true,
      correction: { fullName: "Đỗ Thị Sửa Mới", address: "Số 30" },
    });
    ok(done, 200);
    const actions = done.json<{ actions: Action[] }>().actions;
    expect(actions.map((a) => [a.module, a.outcome]).sort()).toEqual([
      ["households", "done"],
      ["tips", "done"],
    ]);
    expect(await rows(sql`select head_name as h from households where address = 'Số 30'`)).toEqual([
      { h: "Đỗ Thị Sửa Mới" },
    ]);
    const renamed = (await request({ kind: "access", subject: { fullName: "Do Thi Sua Moi" } })).json<{
      id: string;
    }>().id;
    const found = (await api(w, dpo, "POST", `/privacy/requests/${renamed}/search`)).json<{ items: Rec[] }>()
      .items;
    expect(found.map((x) => x.entityId)).toContain(fix);
    const old = (await request({ kind: "access", subject: { fullName: name } })).json<{ id: string }>().id;
    const gone = (await api(w, dpo, "POST", `/privacy/requests/${old}/search`)).json<{ items: Rec[] }>()
      .items;
    expect(gone).toEqual([]);
  });

  it("indexes a contact written without the index at the start-up backfill, and only then finds it", async () => {
    const app = w.t.app;
    const res = await submitTip(app.db, app.envelope, ReceiptVerifier.forApp(app), {
      category: "drugs",
      description: "Tin báo trước khi có chỉ mục",
      provinceId: w.province,
      communeId: w.ward,
      contact: { consent: true, name: "Lý Văn Cũ", phone: "0966 222 444" },
    });
    const [row] = await rows<{ id: string }>(sql`select id from tips where code = ${res.code}`);
    const look = async () => {
      const id = (
        await request({ kind: "access", subject: { fullName: "Ly Van Cu", phone: "0966222444" } })
      ).json<{
        id: string;
      }>().id;
      return (await api(w, dpo, "POST", `/privacy/requests/${id}/search`)).json<{ items: Rec[] }>().items;
    };
    expect(await look()).toEqual([]);
    expect(await backfillTipContacts(app.db, app.envelope, contactIndexFor(app))).toBeGreaterThanOrEqual(1);
    expect(await backfillTipContacts(app.db, app.envelope, contactIndexFor(app))).toBe(0);
    expect((await look()).map((x) => [x.entityId, x.match])).toEqual([[row!.id, "phone"]]);
    // The index holds keyed hashes only: neither the phone nor the name is in it.
    const terms = await rows<{ term: string }>(
      sql`select term from citizen_contact_index where record_id = ${row!.id}`,
    );
    expect(terms.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(terms)).not.toMatch(/0966222444|Lý Văn|ly van cu/);
  });
});
