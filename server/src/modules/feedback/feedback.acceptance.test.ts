import { addWorkingDays, setClock } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { citizen, places } from "../citizen/test-support";
import { sql } from "drizzle-orm";

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let front: Session;

beforeAll(async () => {
  // Tuesday 1 December 2026 in Vietnam: ten working days later is Tuesday 15 December.
  setClock("2026-12-01T03:00:00Z");
  ctx = await createTestContext({ FEEDBACK_DUE_WORKING_DAYS: "15" });
  p = await places(ctx.app);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
}, 300_000);
afterAll(async () => {
  setClock(null);
  await ctx?.close();
});

async function submit(kind: string) {
  const res = await citizen(ctx.app, "/feedback", {
    kind,
    topic: "officials",
    title: "Cán bộ địa chính",
    content: "Cán bộ địa chính phường nhận tiền khi làm thủ tục cho dân.",
    provinceId: p.province.id,
    communeId: p.baclieu.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  const r = res.json<{ code: string; secret: string; dueOn: string; acceptanceDueOn: string }>();
  const [row] = await queryRows<{ id: string }>(
    ctx.app.db,
    sql`select id from feedback_items where code = ${r.code}`,
  );
  return { ...r, id: row!.id };
}
const detail = async (id: string) => (await call(ctx.app, front, "GET", `/api/v1/feedback/${id}`)).json();

describe("the acceptance clock (Law on Citizen Reception Art. 28) and the handling clock", () => {
  it("a feedback item shows a 10-working-day acceptance clock and its handling clock, with their basis", async () => {
    const f = await submit("phan_anh");
    expect(f.acceptanceDueOn).toBe("2026-12-15");
    const d = await detail(f.id);
    expect(d.clocks.acceptance).toMatchObject({
      dueOn: "2026-12-15",
      length: 10,
      unit: "working_days",
      doneOn: null,
      daysLeft: 10,
      overdue: false,
    });
    expect(d.clocks.acceptance.basis).toContain("Điều 28 Luật Tiếp công dân");
    expect(d.clocks.handling).toMatchObject({
      dueOn: addWorkingDays("2026-12-01", 15),
      length: 15,
      unit: "working_days",
      provisional: false,
    });
    expect(d.clocks.handling.basis).toMatch(/^Căn cứ: /);
    expect(d.can).toEqual({ answer: true, recordAcceptance: true });
    const list = (await call(ctx.app, front, "GET", "/api/v1/feedback?limit=200")).json();
    expect(list.items.find((i: { id: string }) => i.id === f.id).clocks.acceptance.length).toBe(10);
    // The sender sees the status and the due dates.
    const st = (await citizen(ctx.app, "/feedback/status", { code: f.code, secret: f.secret })).json();
    expect(st).toMatchObject({ acceptance: "pending", acceptanceDueOn: "2026-12-15", dueOn: f.dueOn });
  });

  it("a denunciation runs 30 days from acceptance (Law on Denunciations Art. 30); the notice is recorded once", async () => {
    const f = await submit("to_cao");
    // Until accepted, counted from the last day acceptance may be notified.
    expect(f.dueOn).toBe("2027-01-14");
    let d = await detail(f.id);
    expect(d.clocks.handling).toMatchObject({ unit: "days", length: 30, provisional: true });
    expect(d.clocks.handling.basis).toContain("Điều 30 Luật Tố cáo 2018");
    const res = await call(ctx.app, front, "POST", `/api/v1/feedback/${f.id}/acceptance`, {
      decision: "accepted",
      noticedOn: "2026-12-01",
      channel: "in_writing",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "feedback.acceptance_recorded",
      entityId: f.id,
      data: { code: f.code, decision: "accepted", noticedOn: "2026-12-01", channel: "in_writing" },
    });
    d = await detail(f.id);
    expect(d.status).toBe("in_progress");
    expect(d.clocks.acceptance).toMatchObject({ doneOn: "2026-12-01", overdue: false, daysLeft: null });
    expect(d.clocks.handling).toMatchObject({ dueOn: "2026-12-31", provisional: false, daysLeft: 30 });
    expect(d.acceptanceNotice).toEqual({
      decision: "accepted",
      reason: null,
      noticedOn: "2026-12-01",
      channel: "in_writing",
    });
    expect(d.can.recordAcceptance).toBe(false);
    const again = await call(ctx.app, front, "POST", `/api/v1/feedback/${f.id}/acceptance`, {
      decision: "not_accepted",
      reason: "Không thuộc thẩm quyền",
      noticedOn: "2026-12-01",
      channel: "direct",
    });
    expect(again.statusCode).toBe(409);
    const st = (await citizen(ctx.app, "/feedback/status", { code: f.code, secret: f.secret })).json();
    expect(st).toMatchObject({
      acceptance: "accepted",
      acceptanceNoticedOn: "2026-12-01",
      dueOn: "2026-12-31",
    });
    expect(st).not.toHaveProperty("clocks");
  });

  it("not accepted needs a reason and closes the item; a future or pre-receipt date is 400", async () => {
    const f = await submit("kien_nghi");
    const url = `/api/v1/feedback/${f.id}/acceptance`;
    const noReason = await call(ctx.app, front, "POST", url, {
      decision: "not_accepted",
      noticedOn: "2026-12-01",
      channel: "direct",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues).toEqual([{ path: "reason", message: "Nhập lý do không thụ lý" }]);
    const future = await call(ctx.app, front, "POST", url, {
      decision: "accepted",
      noticedOn: "2026-12-02",
      channel: "direct",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.issues[0].path).toBe("noticedOn");
    const before = await call(ctx.app, front, "POST", url, {
      decision: "accepted",
      noticedOn: "2026-11-30",
      channel: "direct",
    });
    expect(before.statusCode).toBe(400);
    expect((await detail(f.id)).acceptanceNotice).toBeNull();
    const no = await call(ctx.app, front, "POST", url, {
      decision: "not_accepted",
      reason: "Không thuộc thẩm quyền của Ủy ban MTTQ phường",
      noticedOn: "2026-12-01",
      channel: "direct",
    });
    expect(no.statusCode, no.body).toBe(200);
    const d = await detail(f.id);
    expect(d.status).toBe("rejected");
    expect(d.clocks.handling).toBeNull();
    expect(d.can).toEqual({ answer: false, recordAcceptance: false });
    const st = (await citizen(ctx.app, "/feedback/status", { code: f.code, secret: f.secret })).json();
    expect(st.acceptance).toBe("not_accepted");
    expect(JSON.stringify(st)).not.toContain("thẩm quyền");
  });

  it("an acceptance clock past its date without a notice is overdue", async () => {
    const f = await submit("phan_anh");
    setClock("2026-12-17T03:00:00Z");
    try {
      const d = await detail(f.id);
      expect(d.clocks.acceptance).toMatchObject({ dueOn: "2026-12-15", daysLeft: -2, overdue: true });
    } finally {
      setClock("2026-12-01T03:00:00Z");
    }
  });
});
