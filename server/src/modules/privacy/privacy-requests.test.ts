import { setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { api, buildCaseWorld, caseBody, type CaseWorld } from "../cases/test-support";
import { citizen } from "../citizen/test-support";
import { seedGroupTypes } from "../groups";

let w: CaseWorld;
let dpo: Session; // the province's data-protection officer (Cà Mau)
let otherDpo: Session; // another province's officer (Hà Nội)
let hanoi: string;
const PERSON = "Lê Thị Riêng Tư";
const IDN = "096123456789";

beforeAll(async () => {
  w = await buildCaseWorld();
  await seedGroupTypes(w.t.app.db);
  dpo = await signedInAs(w.t.app, "data_protection_officer", w.province, "police");
  hanoi = (await unitByCode(w.t.app.db, "province", "01")).id;
  otherDpo = await signedInAs(w.t.app, "data_protection_officer", hanoi, "police");
  // The person across modules: head of a household, a member of a team, nominated for a
  // commendation, a tip with their phone, and a case file under their identity number.
  const ok = (r: { statusCode: number; body: string }, code = 201) => expect(r.statusCode, r.body).toBe(code);
  ok(
    await api(w, w.as.sameCommuneFront, "POST", "/households", {
      orgUnitId: w.area,
      headName: PERSON,
      address: "Số 5, hẻm 12, Khóm thử",
      members: 4,
    }),
  );
  const group = await api(w, w.as.sameCommuneFront, "POST", "/groups", {
    orgUnitId: w.area,
    typeCode: "self_management_group",
    name: "Tổ tự quản Khóm thử",
    foundedOn: "2020-01-01",
  });
  ok(group);
  ok(
    await api(w, w.as.sameCommuneFront, "POST", `/groups/${group.json<{ id: string }>().id}/members`, {
      fullName: "Le Thi Rieng Tu",
      birthDate: "1985-03-02",
      joinedOn: "2021-01-01",
      religion: "Phật giáo",
    }),
  );
  ok(
    await api(w, w.as.sameCommuneFront, "POST", "/commendations", {
      orgUnitId: w.area,
      nomineeKind: "person",
      nomineeName: PERSON,
      achievements: "Báo tin giúp bắt đối tượng trộm cắp",
      evidence: [],
      nominatedOn: "2026-08-01",
    }),
  );
  ok(
    await citizen(w.t.app, "/tips", {
      category: "drugs",
      description: "Có người bán ma túy ở đầu hẻm 12",
      provinceId: w.province,
      communeId: w.ward,
      contact: { consent: true, name: "Người khác", phone: "+84 912 345 678" },
    }),
  );
  ok(await api(w, w.as.police, "POST", "/cases", caseBody(w, { identityNumber: IDN, fullName: PERSON })));
}, 300_000);
afterAll(() => w.t.close());
afterEach(() => setClock(null));

const request = (s: Session, over: Record<string, unknown> = {}) =>
  api(w, s, "POST", "/privacy/requests", {
    orgUnitId: w.province,
    kind: "delete",
    channel: "in_person",
    identityCheckedBy: "Trần Văn Kiểm, đối chiếu CCCD bản gốc",
    subject: { fullName: PERSON, birthYear: 1985, phone: "0912345678", identityNumber: IDN },
    details: "Đề nghị xóa toàn bộ dữ liệu của tôi",
    ...over,
  });

const count = async (table: string) =>
  (await queryRows<{ n: number }>(w.t.app.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe("data-subject requests", () => {
  it("finds every record about the person across modules; sealed ones are named, not opened", async () => {
    const res = await request(dpo);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ id: string; subject: { fullName: string }; can: Record<string, boolean> }>();
    expect(r.subject.fullName).toBe(PERSON);
    expect(r.can).toEqual({ search: true, answer: true, export: true, execute: true });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.request_created",
      data: { kind: "delete", channel: "in_person" },
    });
    // Stored sealed: the name is nowhere in clear.
    const [raw] = await queryRows<{ s: string }>(
      w.t.app.db,
      sql`select encode(subject_sealed, 'escape') as s from privacy_requests where id = ${r.id}`,
    );
    expect(raw!.s).not.toContain("Riêng");

    const found = await api(w, dpo, "POST", `/privacy/requests/${r.id}/search`);
    expect(found.statusCode, found.body).toBe(200);
    const items = found.json<{
      items: {
        module: string;
        match: string;
        sealed: boolean;
        exception: string | null;
        data: Record<string, unknown>;
      }[];
    }>().items;
    const by = (m: string) => items.filter((x) => x.module === m);
    expect(by("households")).toHaveLength(1);
    expect(by("households")[0]!.data).toMatchObject({ headName: PERSON, members: 4 });
    // The roster entry, by the blind index of the accent-folded name and the birth year.
    expect(by("groups")).toHaveLength(1);
    expect(by("groups")[0]).toMatchObject({ match: "name_birth", sealed: true });
    expect(JSON.stringify(by("groups")[0])).not.toContain("Phật");
    expect(by("commendations")).toHaveLength(1);
    expect(by("tips")).toEqual([
      // A tip that has not become a case: its contact can be erased on request.
      expect.objectContaining({ match: "phone", exception: null, sealed: true }),
    ]);
    expect(by("cases")).toEqual([
      expect.objectContaining({ match: "identity", exception: "crime_prevention", data: {} }),
    ]);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.request_searched",
      data: { found: 5, modules: { households: 1, groups: 1, commendations: 1, tips: 1, cases: 1 } },
    });
    expect(JSON.stringify(await lastAuditEvent(w.t.app.db))).not.toContain(PERSON);

    const file = await api(w, dpo, "GET", `/privacy/requests/${r.id}/export`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toMatch(/attachment; filename="du-lieu-ca-nhan-/);
    const data = file.json<{ banGhi: { phanHe: string; ngoaiLe: string | null }[] }>();
    expect(data.banGhi).toHaveLength(5);
    expect(data.banGhi.find((b) => b.phanHe === "cases")!.ngoaiLe).toMatch(/phòng, chống tội phạm/);

    // The answer keeps the crime-prevention records and says why.
    const answer = await api(w, dpo, "POST", `/privacy/requests/${r.id}/answer`, {
      outcome: "exception",
      answer: "Đã xóa thông tin không bắt buộc; hồ sơ quản lý được giữ theo quy định.",
      exceptions: ["crime_prevention"],
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      status: "answered",
      outcome: "exception",
      answeredLate: false,
      can: { answer: false },
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.request_answered",
      data: { outcome: "exception", exceptions: ["crime_prevention"], late: false },
    });
    const again = await api(w, dpo, "POST", `/privacy/requests/${r.id}/answer`, {
      outcome: "fulfilled",
      answer: "x",
    });
    expect(again.statusCode).toBe(409);
  });

  it("runs the 72-hour clock from receipt in real hours, and shows it overdue", async () => {
    // Received 23:30 on 1 March 2027 in Vietnam (16:30 UTC): due 23:30 on 4 March in Vietnam.
    setClock("2027-03-01T16:30:00Z");
    const res = await request(dpo, { kind: "restrict" });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ id: string; dueAt: string; overdue: boolean; clockBasisVi: string }>();
    expect(r.dueAt).toBe("2027-03-04T16:30:00.000Z");
    expect(r.overdue).toBe(false);
    expect(r.clockBasisVi).toMatch(/Điều 9 Nghị định 13\/2023/);
    setClock("2027-03-04T16:29:00Z");
    expect((await api(w, dpo, "GET", `/privacy/requests/${r.id}`)).json().overdue).toBe(false);
    setClock("2027-03-04T16:31:00Z");
    expect((await api(w, dpo, "GET", `/privacy/requests/${r.id}`)).json().overdue).toBe(true);
    const overdue = (await api(w, dpo, "GET", "/privacy/requests?overdue=true")).json<{
      items: { id: string }[];
    }>();
    expect(overdue.items.map((i) => i.id)).toContain(r.id);
    const overview = (await api(w, dpo, "GET", "/privacy/overview")).json<{ overdueRequests: number }>();
    expect(overview.overdueRequests).toBeGreaterThanOrEqual(1);
    const late = await api(w, dpo, "POST", `/privacy/requests/${r.id}/answer`, {
      outcome: "fulfilled",
      answer: "Đã hạn chế xử lý.",
    });
    expect(late.json()).toMatchObject({ answeredLate: true });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ data: { late: true } });
  });

  it("refuses bad input with 400 naming the field, and writes nothing", async () => {
    const before = await count("privacy_requests");
    const events = await count("audit_log");
    const res = await request(dpo, { kind: "forget", subject: { fullName: "" }, identityCheckedBy: "" });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json<{ error: { code: string; issues: { path: string }[] } }>()
      .error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["kind", "subject.fullName", "identityCheckedBy"]));
    const future = await request(dpo, { receivedAt: "2999-01-01T00:00:00Z" });
    expect(future.statusCode).toBe(400);
    const noGround = await api(w, dpo, "POST", `/privacy/requests/${crypto.randomUUID()}/answer`, {
      outcome: "exception",
      answer: "Giữ lại",
    });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.json().error.issues[0].path).toBe("exceptions");
    expect(await count("privacy_requests")).toBe(before);
    expect(await count("audit_log")).toBe(events);
  });

  it("keeps to the officer's units: another province's officer neither sees nor files there", async () => {
    const mine = (await request(dpo)).json<{ id: string }>().id;
    expect((await api(w, otherDpo, "GET", `/privacy/requests/${mine}`)).statusCode).toBe(404);
    expect((await api(w, otherDpo, "POST", `/privacy/requests/${mine}/search`)).statusCode).toBe(404);
    const list = (await api(w, otherDpo, "GET", "/privacy/requests")).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(mine);
    expect((await request(otherDpo)).statusCode).toBe(404);
    // Within Hà Nội the person has no records: nothing found.
    const theirs = (await request(otherDpo, { orgUnitId: hanoi })).json<{ id: string }>().id;
    const found = await api(w, otherDpo, "POST", `/privacy/requests/${theirs}/search`);
    expect(found.json().items).toEqual([]);
  });

  it("lets administrators read the list but not the person, and keeps the officer out of sealed content", async () => {
    const id = (await request(dpo)).json<{ id: string }>().id;
    const asAdmin = await api(w, w.as.admin, "GET", `/privacy/requests/${id}`);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json()).toMatchObject({
      subject: null,
      details: null,
      can: { search: false, answer: false },
    });
    expect((await api(w, w.as.admin, "POST", "/privacy/requests", {})).statusCode).toBe(403);
    expect((await api(w, w.as.admin, "POST", `/privacy/requests/${id}/search`)).statusCode).toBe(403);
    expect((await api(w, w.as.provincePolice, "GET", "/privacy/requests")).statusCode).toBe(403);
    expect((await api(w, null, "GET", "/privacy/requests")).statusCode).toBe(401);
    // The officer reads the access logs, never the case files or tips themselves.
    expect((await api(w, dpo, "GET", "/audit-events")).statusCode).toBe(200);
    expect((await api(w, dpo, "GET", "/cases")).statusCode).toBe(403);
    expect((await api(w, dpo, "GET", "/tips")).statusCode).toBe(403);
    expect((await api(w, dpo, "GET", "/feedback")).statusCode).toBe(403);
  });
});
