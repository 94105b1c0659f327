import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

/** Citizen tips: the police workflow (triage, messages, outcomes, duplicates, extensions). */

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

describe("police workflow", () => {
  it("triage, message, citizen reply and outcome; each police write audited", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const triage = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" });
    expect(triage.statusCode, triage.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.triaged", entityId: id });
    const msg = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/messages`, {
      body: "Công an phường đã tiếp nhận. Anh/chị có thể cho biết thêm giờ giao dịch không?",
    });
    expect(msg.statusCode).toBe(200);
    const audit = await lastAuditEvent(ctx.app.db);
    expect(audit).toMatchObject({ action: "tip.message_sent" });
    expect(JSON.stringify(audit!.data)).not.toContain("giao dịch");
    const seen = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(seen.json().messages).toEqual([
      expect.objectContaining({ from: "police", body: expect.stringContaining("giờ giao dịch") }),
    ]);
    expect(seen.json().messages[0].sentHour).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}$/);
    const reply = await citizen(ctx.app, "/tips/reply", {
      code: r.code,
      secret: r.secret,
      body: "Khoảng 21 giờ hằng đêm",
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().messages.map((m: { from: string }) => m.from)).toEqual(["police", "citizen"]);
    const detail = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(detail.awaitingReply).toBe(true);
    expect(detail.clocks.find((c: { kind: string }) => c.kind === "receipt_notice").met).toBe(true);
    expect(detail.description).toBe("Có người bán ma túy ở đầu hẻm 12");
    // The investigation agency (provincial police) decides, not the commune police.
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "case_opened",
      casesSolved: 1,
      arrests: 2,
      note: "Đã bắt quả tang",
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "tip.outcome_recorded" });
    const status = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(status.json().status).toBe("case_opened");
    const again = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(again.statusCode).toBe(409);
  });

  it("follows the outcome transition table: the commune transfers, the agency decides", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    // The limit has run out, so a suspension is possible (CPC Art. 148.1).
    await queryRows(
      ctx.app.db,
      sql`update tips set received_hour = now() - interval '21 days' where id = ${id}`,
    );
    const steps: [Session, object, number][] = [
      [police, { outcome: "transferred" }, 200],
      [police, { outcome: "transferred" }, 409],
      [provincePolice, { outcome: "suspended", ground: "expert_pending" }, 200],
      [provincePolice, { outcome: "no_case", ground: "not_a_crime" }, 409],
      [provincePolice, { outcome: "case_opened" }, 409],
    ];
    for (const [who, body, code] of steps) {
      const res = await call(ctx.app, who, "POST", `/api/v1/tips/${id}/outcome`, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(code);
    }
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/resumption`, {})).statusCode,
    ).toBe(200);
    const done = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "not_a_crime",
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it("records no decision nobody made: outcome and urgency must be chosen", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const outcome = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/outcome`, { casesSolved: 1 });
    expect(outcome.statusCode).toBe(400);
    expect(outcome.json().error.issues).toEqual([{ path: "outcome", message: "Chọn kết quả giải quyết" }]);
    const triage = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, {
      duplicateOfCode: null,
    });
    expect(triage.statusCode).toBe(400);
    expect(triage.json().error.issues).toEqual([
      { path: "urgency", message: "Chọn mức độ: khẩn hoặc thường" },
    ]);
    expect((await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json()).toMatchObject({
      status: "new",
      urgency: null,
      outcome: null,
    });
  });

  it("links a duplicate and extends the decision limit once at a time", async () => {
    const a = await submit();
    const b = await submit();
    const id = await idOf(b.code);
    const dup = await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, {
      urgency: "normal",
      duplicateOfCode: a.code,
    });
    expect(dup.statusCode).toBe(200);
    const bad = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 2 });
    expect(bad.statusCode).toBe(400);
    // Commune police do not extend: the head of the investigation agency does (CPC Art. 147.2).
    expect(
      (await call(ctx.app, police, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/extension`, { level: 1 })).statusCode,
    ).toBe(200);
    const d = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(d).toMatchObject({ duplicateOfCode: a.code, urgency: "normal", extensionLevel: 1 });
  });
});
