import { setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { api, assign, buildCaseWorld, newCase, type CaseWorld } from "./test-support";

// People with social evils, drug users and education before the community: help instances
// ("lượt"), rehabilitation referrals, sessions, and figures that count persons and instances apart.
let w: CaseWorld;
let wardPath: string;
beforeAll(async () => {
  w = await buildCaseWorld();
  const [u] = await queryRows<{ path: string }>(
    w.t.app.db,
    sql`select path from org_units where id = ${w.ward}`,
  );
  wardPath = u!.path;
});
afterAll(() => w.t.close());
afterEach(() => setClock(null));

type Detail = {
  id: string;
  regime: string;
  helpInstances: { id: string; outcome: string; receivedOn: string; notes: string | null }[];
  referrals: { id: string; outcome: string }[];
  communitySessions: { id: string; commitments: string; presidedBy: string }[];
  can: Record<string, boolean>;
};
type Issues = { code: string; issues: { path: string }[] };

const socialEvil = (over: Record<string, unknown> = {}) =>
  newCase(w, {
    kind: "social_evil",
    offenceCategory: "gambling",
    offence: "Đánh bạc ăn tiền tại quán cà phê",
    releaseOrDecisionDate: "2026-10-01",
    reportedInOn: "2026-10-01",
    ...over,
  });
const help = (id: string, over: Record<string, unknown> = {}, as = w.as.police) =>
  api(w, as, "POST", `/cases/${id}/help-instances`, {
    receivedOn: "2026-10-05",
    kind: "family_mentoring",
    helper: "Chi hội Phụ nữ khóm 1",
    notes: "Gia đình cam kết kèm cặp",
    ...over,
  });
const outcome = (id: string, instanceId: string, over: Record<string, unknown> = {}, as = w.as.police) =>
  api(w, as, "POST", `/cases/${id}/help-instances/${instanceId}/outcome`, {
    outcome: "reformed",
    outcomeOn: "2026-11-10",
    ...over,
  });
/** The latest audit event of an action (a write's own event; the read that follows it is logged after). */
const lastEvent = async (action: string) =>
  (
    await queryRows<{ action: string; entityId: string; data: Record<string, unknown> }>(
      w.t.app.db,
      sql`select action, entity_id as "entityId", data from audit_log where action = ${action} order by id desc limit 1`,
    )
  )[0];
const helpRows = async (id: string) =>
  (
    await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from case_help_instances where case_id = ${id}`,
    )
  )[0]!.n;

describe("the new kinds of file", () => {
  it("open with their regime and their own abilities", async () => {
    const s = await socialEvil();
    const d = await newCase(w, {
      kind: "drug_user",
      offenceCategory: "drug_use",
      offence: "Sử dụng trái phép chất ma túy (ma túy đá)",
      releaseOrDecisionDate: "2026-09-15",
      reportedInOn: "2026-09-16",
    });
    const c = await newCase(w, {
      kind: "community_reprimand",
      offenceCategory: "public_order",
      offence: "Gây rối trật tự công cộng",
      releaseOrDecisionDate: "2026-11-02",
      reportedInOn: "2026-11-02",
    });
    expect(s).toMatchObject({
      regime: "community",
      can: { help: true, refer: false, communitySession: false },
    });
    expect(d).toMatchObject({ regime: "drug_prevention_2021", can: { help: true, refer: true } });
    expect(c).toMatchObject({ regime: "community", can: { help: false, communitySession: true } });
    const list = await api(w, w.as.police, "GET", "/cases?kind=drug_user");
    expect(list.json<{ items: { kind: string }[] }>().items.every((i) => i.kind === "drug_user")).toBe(true);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(d.id);
  });
});

describe("help instances", () => {
  it("records repeat instances of one person, each with its outcome, sealed and audited", async () => {
    const c = await socialEvil();
    const first = await help(c.id);
    expect(first.statusCode, first.body).toBe(200);
    const inst = first.json<Detail>().helpInstances[0]!;
    expect(inst).toMatchObject({ outcome: "ongoing", notes: "Gia đình cam kết kèm cặp" });
    expect(await lastEvent("case.help_recorded")).toMatchObject({
      action: "case.help_recorded",
      entityId: c.id,
      data: { instanceId: inst.id, kind: "family_mentoring", receivedOn: "2026-10-05" },
    });
    const [raw] = await queryRows<{ notes: Uint8Array }>(
      w.t.app.db,
      sql`select notes_sealed as notes from case_help_instances where id = ${inst.id}`,
    );
    expect(Buffer.from(raw!.notes).toString("utf8")).not.toContain("cam kết");

    // A second instance while the first is ongoing: 400, nothing written.
    const early = await help(c.id, { receivedOn: "2026-10-20" });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: Issues }>().error).toMatchObject({
      code: "validation_failed",
      issues: [{ path: "receivedOn" }],
    });
    expect(await helpRows(c.id)).toBe(1);

    const relapsed = await outcome(c.id, inst.id, { outcome: "relapsed", outcomeOn: "2026-10-25" });
    expect(relapsed.statusCode, relapsed.body).toBe(200);
    expect(await lastEvent("case.help_outcome_recorded")).toMatchObject({
      action: "case.help_outcome_recorded",
      data: { instanceId: inst.id, outcome: "relapsed", outcomeOn: "2026-10-25" },
    });
    // Once only; never before the reception; the next reception not before the outcome.
    expect((await outcome(c.id, inst.id)).statusCode).toBe(400);
    expect((await help(c.id, { receivedOn: "2026-10-24" })).statusCode).toBe(400);
    const second = await help(c.id, {
      receivedOn: "2026-10-26",
      kind: "vocational_training",
      notes: undefined,
    });
    expect(second.statusCode, second.body).toBe(200);
    const inst2 = second.json<Detail>().helpInstances[1]!;
    expect((await outcome(c.id, inst2.id, { outcomeOn: "2026-10-20" })).statusCode).toBe(400);
    expect((await outcome(c.id, inst2.id, { outcomeOn: "2099-01-01" })).statusCode).toBe(400);
    const done = await outcome(c.id, inst2.id, { outcomeOn: "2026-11-20" });
    expect(done.json<Detail>().helpInstances.map((i) => i.outcome)).toEqual(["relapsed", "reformed"]);
  });

  it("refuses with 400 before any write: wrong kind, before the file, in the future", async () => {
    const prisoner = await newCase(w);
    const wrong = await help(prisoner.id);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: Issues }>().error.issues.map((i) => i.path)).toContain("kind");
    const c = await socialEvil();
    expect((await help(c.id, { receivedOn: "2026-09-01" })).statusCode).toBe(400);
    expect((await help(c.id, { receivedOn: "2099-09-01" })).statusCode).toBe(400);
    expect((await help(c.id, { helper: "" })).statusCode).toBe(400);
    expect((await help(c.id, { kind: "nonsense" })).statusCode).toBe(400);
    expect(await helpRows(c.id)).toBe(0);
    expect(await helpRows(prisoner.id)).toBe(0);
  });

  it("is scoped: the assigned body records; another commune cannot see the file; viewers hold no file", async () => {
    const c = await socialEvil();
    await assign(w, c.id, { decidedOn: "2026-10-03", fileOpenedOn: "2026-10-03" });
    const byAssignee = await help(c.id, {}, w.as.assignee);
    expect(byAssignee.statusCode, byAssignee.body).toBe(200);
    expect((await help(c.id, {}, w.as.otherCommunePolice)).statusCode).toBe(404);
    expect((await help(c.id, {}, w.as.sameCommuneFront)).statusCode).toBe(404);
    expect((await help(c.id, {}, w.as.frontViewer)).statusCode).toBe(403);
    expect(await helpRows(c.id)).toBe(1);
  });
});

describe("rehabilitation referrals", () => {
  const refer = (id: string, over: Record<string, unknown> = {}, as = w.as.police) =>
    api(w, as, "POST", `/cases/${id}/referrals`, {
      referredOn: "2026-10-10",
      mode: "voluntary_facility",
      facility: "Cơ sở cai nghiện ma túy tỉnh Cà Mau",
      ...over,
    });
  it("refers a drug user, follows the referral's steps, refuses the rest", async () => {
    const d = await newCase(w, {
      kind: "drug_user",
      offenceCategory: "drug_use",
      offence: "Sử dụng trái phép chất ma túy",
      releaseOrDecisionDate: "2026-10-01",
      reportedInOn: "2026-10-01",
    });
    await assign(w, d.id, { decidedOn: "2026-10-03", fileOpenedOn: "2026-10-03" });
    expect((await refer(d.id, {}, w.as.assignee)).statusCode).toBe(403);
    const s = await socialEvil();
    expect((await refer(s.id)).statusCode).toBe(400);
    const ok = await refer(d.id, { decisionNumber: "25/QĐ-UBND" });
    expect(ok.statusCode, ok.body).toBe(200);
    const ref = ok.json<Detail>().referrals[0]!;
    expect(ref.outcome).toBe("pending");
    expect(await lastEvent("case.referral_recorded")).toMatchObject({ entityId: d.id });
    expect((await refer(d.id, { referredOn: "2026-10-12" })).statusCode).toBe(400);
    const step = (outcome: string, outcomeOn: string) =>
      api(w, w.as.police, "POST", `/cases/${d.id}/referrals/${ref.id}/outcome`, { outcome, outcomeOn });
    expect((await step("completed", "2026-10-20")).statusCode).toBe(400);
    expect((await step("admitted", "2026-10-09")).statusCode).toBe(400);
    expect((await step("admitted", "2026-10-12")).statusCode).toBe(200);
    expect(await lastEvent("case.referral_outcome_recorded")).toMatchObject({
      action: "case.referral_outcome_recorded",
      data: { outcome: "admitted", outcomeOn: "2026-10-12" },
    });
    const done = await step("completed", "2026-11-25");
    expect(done.json<Detail>().referrals[0]!.outcome).toBe("completed");
    expect((await refer(d.id, { referredOn: "2026-11-28", mode: "compulsory" })).statusCode).toBe(200);
  });
});

describe("education before the community", () => {
  it("records the session with who presided and the sealed commitments", async () => {
    const c = await newCase(w, {
      kind: "community_reprimand",
      offenceCategory: "public_order",
      offence: "Gây rối trật tự công cộng",
      releaseOrDecisionDate: "2026-11-02",
      reportedInOn: "2026-11-02",
    });
    const body = {
      heldOn: "2026-11-06",
      presidedBy: "Trưởng ban công tác Mặt trận khóm",
      venue: "Nhà văn hóa khóm",
      attendees: 45,
      commitments: "Không tái phạm, xin lỗi các hộ bị ảnh hưởng",
    };
    const res = await api(w, w.as.police, "POST", `/cases/${c.id}/community-sessions`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().communitySessions[0]).toMatchObject({ commitments: body.commitments });
    expect(await lastEvent("case.community_session_recorded")).toMatchObject({
      action: "case.community_session_recorded",
      data: { heldOn: "2026-11-06", presidedBy: body.presidedBy },
    });
    const s = await socialEvil();
    expect((await api(w, w.as.police, "POST", `/cases/${s.id}/community-sessions`, body)).statusCode).toBe(
      400,
    );
    expect(
      (
        await api(w, w.as.police, "POST", `/cases/${c.id}/community-sessions`, {
          ...body,
          heldOn: "2026-10-01",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await api(w, w.as.police, "POST", `/cases/${c.id}/community-sessions`, { ...body, presidedBy: " " }))
        .statusCode,
    ).toBe(400);
  });
});

describe("moves and figures", () => {
  it("a moved file keeps its past instances where they were made; the new commune records the next", async () => {
    setClock("2026-11-30T03:00:00Z");
    const c = await socialEvil();
    await help(c.id, { receivedOn: "2026-10-02" });
    const sent = await api(w, w.as.police, "POST", `/cases/${c.id}/transfer`, {
      toCommuneId: w.otherWard,
      movedOn: "2026-11-30",
      reason: "Chuyển về ở cùng gia đình",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const got = await api(w, w.as.otherCommunePolice, "POST", `/cases/${c.id}/transfer/receive`, {
      orgUnitId: w.otherWard,
      residenceCheckedOn: "2026-11-30",
      receivedOn: "2026-11-30",
    });
    expect(got.statusCode, got.body).toBe(200);
    const inst = got.json<Detail>().helpInstances[0]!;
    expect(
      (await outcome(c.id, inst.id, { outcomeOn: "2026-11-30" }, w.as.otherCommunePolice)).statusCode,
    ).toBe(200);
    const [rows] = await queryRows<{ here: number; there: number }>(
      w.t.app.db,
      sql`select count(*) filter (where rollup_path like ${`${wardPath}%`})::int as here,
            count(*) filter (where rollup_path not like ${`${wardPath}%`})::int as there
          from case_help_instances where case_id = ${c.id}`,
    );
    expect(rows).toEqual({ here: 1, there: 0 });
    expect((await help(c.id, { receivedOn: "2026-11-30" }, w.as.otherCommunePolice)).statusCode).toBe(200);
  });

  it("statistics equal a recount of the records: persons and instances apart", async () => {
    const range = sql`between '2026-01-01'::date and '2026-12-31'::date`;
    const [re] = await queryRows<Record<string, number>>(
      w.t.app.db,
      sql`select
          (select count(*) from case_help_instances where rollup_path like ${`${wardPath}%`} and received_on ${range})::int as "helpInstances",
          (select count(distinct case_id) from case_help_instances where rollup_path like ${`${wardPath}%`} and received_on ${range})::int as "helpPersons",
          (select count(*) from case_help_instances where rollup_path like ${`${wardPath}%`} and outcome = 'reformed' and outcome_on ${range})::int as "reformedInstances",
          (select count(*) from case_help_instances where rollup_path like ${`${wardPath}%`} and outcome = 'relapsed' and outcome_on ${range})::int as "relapsedInstances",
          (select count(*) from case_referrals where rollup_path like ${`${wardPath}%`} and referred_on ${range})::int as "referrals",
          (select count(distinct case_id) from case_community_sessions where rollup_path like ${`${wardPath}%`} and held_on ${range})::int as "communityEducated"`,
    );
    // What the tests above recorded in the ward: instances outnumber persons (one person twice).
    expect(re!.helpInstances).toBeGreaterThan(re!.helpPersons!);
    expect(re).toMatchObject({
      helpInstances: 4,
      helpPersons: 3,
      reformedInstances: 2,
      relapsedInstances: 1,
      referrals: 2,
      communityEducated: 1,
    });
    const res = await api(
      w,
      w.as.police,
      "GET",
      `/cases/statistics?orgUnitId=${w.ward}&period=year&key=2026`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ figures: Record<string, number> }>().figures).toMatchObject(re!);
  });
});
