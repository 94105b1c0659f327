import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import type { Session } from "../../test/harness";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";
import { citizen } from "../citizen/test-support";
import { seedGroupTypes } from "../groups";

/**
 * Restriction of processing (Law 91/2025; decision 0017): a person held as a household head, a
 * roster member, a tipster and a petitioner asks to restrict. Each record leaves its module's lists,
 * exports and staff displays; every figure stays; the officer lists them (the reason logged) and
 * lifts one with a reason, which brings it back; a neighbour is never touched; bad input is refused
 * with nothing written.
 */
let w: CaseWorld;
let dpo: Session;
const PERSON = "Đặng Thị Hạn";
const PHONE = "0912 345 987";
const YEAR = todayInVietnam().slice(0, 4);
const ids = { household: "", neighbour: "", member: "", neighbourMember: "", tip: "", feedback: "" };
let groupId = "";
let requestId = "";

const ok = (r: { statusCode: number; body: string }, code = 201) => expect(r.statusCode, r.body).toBe(code);
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(w.t.app.db, q);
const n = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(q))[0]!.n;
const idOf = (r: { json: <T>() => T }) => r.json<{ id: string }>().id;

async function codeId(table: "tips" | "feedback_items", res: { json: <T>() => T }) {
  const code = res.json<{ code: string }>().code;
  return (await rows<{ id: string }>(sql`select id from ${sql.raw(table)} where code = ${code}`))[0]!.id;
}

/** What every ordinary reader sees of the person's records, and the figures. */
async function views() {
  const front = w.as.sameCommuneFront;
  const list = await api(w, front, "GET", `/households?orgUnitId=${w.area}&limit=100`);
  const search = await api(w, front, "GET", `/households?q=${encodeURIComponent("Hạn")}&limit=100`);
  const csv = await api(w, front, "GET", `/households/export/csv?orgUnitId=${w.area}`);
  const roster = await api(w, front, "GET", `/groups/${groupId}/members?limit=100`);
  const rosters = await api(w, front, "GET", `/groups/rosters?orgUnitId=${w.area}`);
  const review = await api(w, front, "GET", `/households/safe-families?orgUnitId=${w.area}&year=${YEAR}`);
  const tip = await api(w, w.as.police, "GET", `/tips/${ids.tip}`);
  const fb = await api(w, front, "GET", `/feedback/${ids.feedback}`);
  for (const r of [list, search, csv, review, roster, rosters, tip, fb]) ok(r, 200);
  const indicators = await api(
    w,
    w.as.provinceFront,
    "GET",
    `/indicators/query?indicators=households.count,groups.members,tips.received&orgUnitId=${w.province}&from=${YEAR}-01-01&to=${YEAR}-12-31`,
  );
  ok(indicators, 200);
  const group = await api(w, front, "GET", `/groups/${groupId}`);
  const coverage = await api(w, front, "GET", `/households/coverage?orgUnitId=${w.ward}&year=${YEAR}`);
  const tipCounts = await api(w, w.as.police, "GET", `/tips/counts?orgUnitId=${w.ward}`);
  for (const r of [group, coverage, tipCounts]) ok(r, 200);
  return {
    households: list.json<{ items: { id: string }[] }>().items.map((i) => i.id),
    searched: search.json<{ items: { id: string }[] }>().items.map((i) => i.id),
    csv: csv.body,
    review: review.json<{ items: { householdId: string }[] }>().items.map((i) => i.householdId),
    roster: roster.json<{ items: { id: string }[] }>().items.map((i) => i.id),
    rosters: rosters
      .json<{ items: { id: string; members: { id: string }[] }[] }>()
      .items.flatMap((g) => g.members.map((m) => m.id)),
    tip: tip.json<{ contact: { phone: string | null } | null; contactRestricted?: boolean }>(),
    feedback: fb.json<{ identity: { name: string } | null; identityRestricted?: boolean }>(),
    figures: {
      indicators: indicators.json(),
      currentMembers: group.json<{ currentMembers: number }>().currentMembers,
      coverage: coverage.json(),
      tipCounts: tipCounts.json(),
      households: await n(sql`select count(*)::int as n from households`),
      members: await n(sql`select count(*)::int as n from group_members`),
      feedback: await n(sql`select count(*)::int as n from feedback_items`),
    },
  };
}

beforeAll(async () => {
  w = await buildCaseWorld();
  await seedGroupTypes(w.t.app.db);
  dpo = await signedInAs(w.t.app, "data_protection_officer", w.province, "police");
  const front = w.as.sameCommuneFront;
  const household = async (headName: string) => {
    const r = await api(w, front, "POST", "/households", {
      orgUnitId: w.area,
      headName,
      address: "Hẻm 3",
      members: 4,
    });
    ok(r);
    return idOf(r);
  };
  ids.household = await household(PERSON);
  ids.neighbour = await household("Đặng Thị Hàng");
  const group = await api(w, front, "POST", "/groups", {
    orgUnitId: w.area,
    typeCode: "grassroots_security_team",
    name: "Tổ bảo vệ an ninh, trật tự hẻm 3",
    foundedOn: "2020-01-01",
  });
  ok(group);
  groupId = idOf(group);
  const member = async (fullName: string) => {
    const r = await api(w, front, "POST", `/groups/${groupId}/members`, {
      fullName,
      birthDate: "1980-02-03",
      joinedOn: "2021-01-01",
    });
    ok(r);
    return idOf(r);
  };
  ids.member = await member(PERSON);
  ids.neighbourMember = await member("Đặng Thị Hàng");
  const tip = await citizen(w.t.app, "/tips", {
    category: "drugs",
    description: "Có người lạ tụ tập ở cuối hẻm 3",
    provinceId: w.province,
    communeId: w.ward,
    contact: { consent: true, name: PERSON, phone: PHONE },
  });
  ok(tip);
  ids.tip = await codeId("tips", tip);
  const fb = await citizen(w.t.app, "/feedback", {
    kind: "kien_nghi",
    topic: "officials",
    title: "Đèn đường hẻm 3",
    content: "Đèn đường hẻm 3 hỏng đã lâu.",
    provinceId: w.province,
    communeId: w.ward,
    identity: { consent: true, name: PERSON, phone: PHONE },
  });
  ok(fb);
  ids.feedback = await codeId("feedback_items", fb);
  const created = await api(w, dpo, "POST", "/privacy/requests", {
    orgUnitId: w.province,
    kind: "restrict",
    channel: "in_person",
    identityCheckedBy: "Lê Văn Kiểm, đối chiếu CCCD bản gốc",
    subject: { fullName: PERSON, phone: "0912345987" },
  });
  ok(created);
  requestId = idOf(created);
}, 300_000);
afterAll(() => w.t.close());

describe("restriction of processing", () => {
  it("takes each record out of its lists, exports and displays, keeps every figure, and lets the officer see and lift it", async () => {
    const before = await views();
    expect(before.households).toEqual(expect.arrayContaining([ids.household, ids.neighbour]));
    expect(before.searched).toContain(ids.household);
    expect(before.csv).toContain(PERSON);
    expect(before.review).toEqual(expect.arrayContaining([ids.household, ids.neighbour]));
    expect(before.roster).toEqual(expect.arrayContaining([ids.member, ids.neighbourMember]));
    expect(before.rosters).toContain(ids.member);
    expect(before.tip.contact?.phone).toBe(PHONE);
    expect(before.feedback.identity?.name).toBe(PERSON);

    const done = await api(w, dpo, "POST", `/privacy/requests/${requestId}/execute`, { confirm: true });
    ok(done, 200);
    const actions = done.json<{ actions: { entityId: string; outcome: string; reasonVi: string | null }[] }>()
      .actions;
    // The answer lists every record restricted, with what was done.
    for (const k of ["household", "member", "tip", "feedback"] as const) {
      const a = actions.find((x) => x.entityId === ids[k]);
      expect(a, k).toMatchObject({ outcome: "done" });
      expect(a!.reasonVi, k).toMatch(/hạn chế xử lý/);
    }
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.request_executed",
      data: { action: "restrict", done: 4 },
    });
    expect(
      await n(sql`select count(*)::int as n from audit_log where action = 'privacy.record_restricted'
                  and entity_id in (${ids.household}, ${ids.member}, ${ids.tip}, ${ids.feedback})`),
    ).toBe(4);

    const after = await views();
    expect(after.households).not.toContain(ids.household);
    expect(after.households).toContain(ids.neighbour);
    expect(after.searched).not.toContain(ids.household);
    expect(after.csv).not.toContain(PERSON);
    expect(after.csv).toContain("Đặng Thị Hàng");
    expect(after.review).not.toContain(ids.household);
    expect(after.review).toContain(ids.neighbour);
    expect(after.roster).not.toContain(ids.member);
    expect(after.roster).toContain(ids.neighbourMember);
    expect(after.rosters).not.toContain(ids.member);
    expect(after.tip).toMatchObject({ contact: null, contactRestricted: true });
    expect(after.feedback).toMatchObject({ identity: null, identityRestricted: true });
    expect(JSON.stringify(after.tip)).not.toContain("0912");
    // A restricted member is not put on a duty day; the neighbour is.
    const duty = (memberIds: string[]) =>
      api(w, w.as.sameCommuneFront, "POST", `/groups/${groupId}/duty-logs`, {
        date: todayInVietnam(),
        memberIds,
      });
    const refused = await duty([ids.member]);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.issues[0].path).toBe("memberIds.0");
    ok(await duty([ids.neighbourMember]));
    // A restricted household is not opened by an ordinary reader either.
    expect((await api(w, w.as.sameCommuneFront, "GET", `/households/${ids.household}`)).statusCode).toBe(404);
    expect((await api(w, w.as.sameCommuneFront, "GET", `/households/${ids.neighbour}`)).statusCode).toBe(200);
    // Counts, rollups and indicators: unchanged.
    expect(after.figures).toEqual(before.figures);

    // The officer's overview counts them (a count only: the list needs a reason).
    const overview = await api(w, dpo, "GET", "/privacy/overview");
    expect(overview.json()).toMatchObject({ restrictedRecords: 4, can: { restrictions: true } });
    expect((await api(w, w.as.admin, "GET", "/privacy/overview")).json()).toMatchObject({
      can: { restrictions: false },
    });
    // The officer sees them, the reason logged; nobody else may list them.
    expect((await api(w, w.as.admin, "GET", "/privacy/restrictions?reason=Kiểm%20tra")).statusCode).toBe(403);
    const listed = await api(
      w,
      dpo,
      "GET",
      `/privacy/restrictions?reason=${encodeURIComponent("Rà soát yêu cầu")}`,
    );
    ok(listed, 200);
    const items = listed.json<{
      items: { source: string; recordId: string; detailVi: string | null; can: { lift: boolean } }[];
    }>().items;
    expect(items.map((i) => `${i.source}:${i.recordId}`).sort()).toEqual(
      [
        `household:${ids.household}`,
        `group_member:${ids.member}`,
        `tip:${ids.tip}`,
        `feedback:${ids.feedback}`,
      ].sort(),
    );
    expect(items.find((i) => i.source === "household")!.detailVi).toContain(PERSON);
    expect(items.every((i) => i.can.lift)).toBe(true);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.restrictions_read",
      data: { reason: "Rà soát yêu cầu", records: 4 },
    });

    // Lifting one brings it back; the others stay restricted.
    const lift = (body: Record<string, unknown>, s: Session = dpo) =>
      api(w, s, "POST", "/privacy/restrictions/lift", body);
    ok(await lift({ source: "household", recordId: ids.household, reason: "Người yêu cầu rút lại" }), 200);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "privacy.restriction_lifted",
      entityId: ids.household,
      data: { source: "household", requestId, reason: "Người yêu cầu rút lại" },
    });
    ok(await lift({ source: "tip", recordId: ids.tip, reason: "Người báo tin đồng ý liên hệ lại" }), 200);
    const lifted = await views();
    expect(lifted.households).toContain(ids.household);
    expect(lifted.tip.contact?.phone).toBe(PHONE);
    expect(lifted.roster).not.toContain(ids.member);
    expect(lifted.feedback.identity).toBeNull();
    expect(lifted.figures).toEqual(before.figures);
    // Lifting again: the record is no longer restricted.
    expect((await lift({ source: "household", recordId: ids.household, reason: "Lần hai" })).statusCode).toBe(
      404,
    );
  });

  it("refuses bad input with the documented error and writes nothing", async () => {
    const count = async () => ({
      restrictions: await n(sql`select count(*)::int as n from citizen_restrictions`),
      audit: await n(sql`select count(*)::int as n from audit_log`),
    });
    const before = await count();
    const bad = [
      { source: "person", recordId: ids.member, reason: "Lý do đủ dài" },
      { source: "group_member", recordId: "not-a-uuid", reason: "Lý do đủ dài" },
      { source: "group_member", recordId: ids.member, reason: "x" },
    ];
    for (const body of bad) {
      const res = await api(w, dpo, "POST", "/privacy/restrictions/lift", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: "validation_failed" } });
    }
    const noReason = await api(w, dpo, "GET", "/privacy/restrictions");
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].path).toBe("querystring.reason");
    // Someone without the officer's permission: refused; the neighbour never restricted: 404.
    const police = await api(w, w.as.police, "POST", "/privacy/restrictions/lift", {
      source: "group_member",
      recordId: ids.member,
      reason: "Lý do đủ dài",
    });
    expect(police.statusCode).toBe(403);
    const neighbour = await api(w, dpo, "POST", "/privacy/restrictions/lift", {
      source: "group_member",
      recordId: ids.neighbourMember,
      reason: "Lý do đủ dài",
    });
    expect(neighbour.statusCode).toBe(404);
    expect(neighbour.json()).toMatchObject({ error: { code: "not_found" } });
    expect(await count()).toEqual(before);
  });
});
