import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

/** Citizen tips: CPC 2015 Art. 146–149 and Joint Circular 01/2017 (who decides, when, the notices). */

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let provincePolice: Session;

beforeAll(async () => {
  ctx = await createTestContext({ CITIZEN_RATE_LIMIT: "5" });
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
}, 300_000);
afterAll(() => ctx?.close());

async function submit(body: object = tipBody(p.province.id, p.baclieu.id)) {
  const res = await citizen(ctx.app, "/tips", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ code: string; secret: string; receivedOn: string; routedTo: string }>();
}

async function idOf(code: string) {
  const [row] = await queryRows<{ id: string }>(ctx.app.db, sql`select id from tips where code = ${code}`);
  return row!.id;
}

describe("CPC 2015 Art. 146–149 and Joint Circular 01/2017: who decides, when, and the notices", () => {
  const backdate = (id: string, days: number, level = 0) =>
    queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - make_interval(days => ${days}), extension_level = ${level}
          where id = ${id}`,
    );
  const clock = (detail: { clocks: { kind: string }[] }, kind: string) =>
    detail.clocks.find((c) => c.kind === kind) as
      { kind: string; met: boolean; overdue: boolean; dueAt: string } | undefined;

  it("commune police may not decide not to open a case, open one, suspend or extend (403, nothing changes)", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    await backdate(id, 21);
    for (const body of [
      { outcome: "no_case", ground: "not_a_crime" },
      { outcome: "case_opened" },
      { outcome: "suspended", ground: "expert_pending" },
    ]) {
      const res = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toContain("Căn cứ: khoản 3 Điều 146");
    }
    expect(
      (await call(ctx.app, police, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(403);
    const d = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ status: "triaged", outcome: null, extensionLevel: 0 });
    // Nothing the commune did meets its transfer clock but a transfer.
    expect(clock(d, "transfer")).toMatchObject({ met: false });
    const moved = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "transferred",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(after, "transfer")).toMatchObject({ met: true });
    expect(after.can).toMatchObject({ triage: false, outcomes: [] });
  });

  it("no suspension straight from 'new', without an Art. 148.1 ground, or before the limit runs out", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await backdate(id, 21);
    const fromNew = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "expert_pending",
    });
    expect(fromNew.statusCode).toBe(409);
    expect(fromNew.json().error.message).toContain("khoản 1 Điều 147");
    const noCaseFromNew = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(noCaseFromNew.statusCode).toBe(409);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const noGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
    });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.json().error.issues).toEqual([
      { path: "ground", message: "Chọn căn cứ tạm đình chỉ (khoản 1 Điều 148 BLTTHS)" },
    ]);
    const wrongGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "not_a_crime",
    });
    expect(wrongGround.statusCode).toBe(400);
    const noCaseNoGround = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
    });
    expect(noCaseNoGround.json().error.issues[0].path).toBe("ground");
    // Before the limit's last day: refused, the rule named.
    await backdate(id, 5);
    const early = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "expert_pending",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain("khoản 1 Điều 148");
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().status).toBe("triaged");
  });

  it("a suspension runs its 24-hour notice clock, met once the procuracy and the reporter are told; resumption runs 1 month", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    await backdate(id, 21);
    const s = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "suspended",
      ground: "documents_pending",
    });
    expect(s.statusCode, s.body).toBe(200);
    let d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ status: "suspended", outcomeGround: "documents_pending" });
    expect(clock(d, "decision")).toMatchObject({ met: true });
    expect(clock(d, "suspension_notice")).toMatchObject({ met: false, overdue: false });
    expect(d.can).toMatchObject({ resume: true, recordNotice: true, extend: false, outcomes: [] });
    const toProcuracy = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "procuracy",
      channel: "dispatch",
      documentNumber: "12/QĐ-CSĐT",
    });
    expect(toProcuracy.statusCode, toProcuracy.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "suspension_notice")).toMatchObject({ met: false });
    const future = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "reporter",
      channel: "post",
      sentAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    const toReporter = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "suspension",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(toReporter.statusCode, toReporter.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.notice_recorded" });
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "suspension_notice")).toMatchObject({ met: true, overdue: false });
    expect(d.notices.map((n: { recipient: string }) => n.recipient).sort()).toEqual([
      "procuracy",
      "reporter",
    ]);
    const seen = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(seen.json()).toMatchObject({ status: "suspended", outcomeNoticeOn: null });
    expect(seen.json().messages.at(-1).body).toContain("tạm đình chỉ");
    // Commune police cannot resume; the agency can, and the Art. 149.1 clock starts.
    expect((await call(ctx.app, police, "POST", `/api/v1/tips/${id}/resumption`, {})).statusCode).toBe(403);
    const resumed = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/resumption`, {});
    expect(resumed.statusCode, resumed.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d.status).toBe("triaged");
    const rc = clock(d, "resumed_decision")!;
    expect(rc).toMatchObject({ met: false, overdue: false });
    const days = (new Date(rc.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
  });

  it("an extension is refused after the limit and, for the procuracy's, later than 5 days before it", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await backdate(id, 21);
    const late = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "invalid_transition" });
    expect(late.json().error.message).toContain("không gia hạn sau khi hết hạn");
    expect(late.json().error.message).toContain("Căn cứ: Điều 147 BLTTHS 2015");
    // Level 1 done; the 2-month limit ends in about 3 days: too late to ask the procuracy.
    const [row] = await queryRows<{ dueIn: number }>(
      ctx.app.db,
      sql`update tips set extension_level = 1, received_hour = now() - interval '2 months' + interval '3 days'
          where id = ${id} returning 0 as "dueIn"`,
    );
    expect(row).toBeDefined();
    const short = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toContain("chậm nhất 05 ngày trước khi hết thời hạn");
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().extensionLevel).toBe(1);
    expect((await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json().can.extend).toBe(false);
    // Ten days before: accepted.
    await queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - interval '2 months' + interval '10 days' where id = ${id}`,
    );
    const inTime = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it("the outcome notice clock runs from the decision and is met when the reporter is told; the citizen sees only the date", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const before = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(before, "outcome_notice")).toBeUndefined();
    const tooEarly = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "outcome",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(tooEarly.statusCode).toBe(409);
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
      note: "Tranh chấp dân sự",
    });
    expect(out.statusCode, out.body).toBe(200);
    let d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ outcome: "no_case", outcomeGround: "not_a_crime" });
    expect(clock(d, "outcome_notice")).toMatchObject({ met: false, overdue: false });
    const dueDays = (new Date(clock(d, "outcome_notice")!.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(dueDays).toBeGreaterThan(3);
    expect(dueDays).toBeLessThanOrEqual(4);
    const status = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(status.json()).toMatchObject({ status: "no_case", outcomeNoticeOn: null });
    const told = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/notices`, {
      kind: "outcome",
      recipient: "reporter",
      channel: "in_app",
    });
    expect(told.statusCode, told.body).toBe(200);
    d = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(clock(d, "outcome_notice")).toMatchObject({ met: true, overdue: false });
    const after = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(after.json().outcomeNoticeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.body).not.toContain("Tranh chấp dân sự");
    expect(after.body).not.toContain("not_a_crime");
  });
});
