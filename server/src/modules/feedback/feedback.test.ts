import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { addWorkingDays, todayInVietnam } from "@toandan/contracts";
import { citizen, places } from "../citizen/test-support";

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let front: Session;
let police: Session;
let otherFront: Session;

beforeAll(async () => {
  ctx = await createTestContext({ FEEDBACK_DUE_WORKING_DAYS: "10" });
  p = await places(ctx.app);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  otherFront = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
}, 300_000);
afterAll(() => ctx?.close());

const body = (topic = "movement", extra: object = {}) => ({
  kind: "kien_nghi",
  topic,
  title: "Đèn đường hẻm 5 hỏng",
  content: "Đèn đường hẻm 5 khóm 1 hỏng nhiều tuần, ban đêm rất tối.",
  provinceId: p.province.id,
  communeId: p.baclieu.id,
  ...extra,
});

async function idOf(code: string) {
  const [r] = await queryRows<{ id: string }>(
    ctx.app.db,
    sql`select id from feedback_items where code = ${code}`,
  );
  return r!.id;
}

describe("feedback and petitions", () => {
  it("routes movement feedback to the Front with a due date in working days; answer read by code", async () => {
    const res = await citizen(
      ctx.app,
      "/feedback",
      body("movement", {
        identity: { consent: true, name: "Nguyễn Văn A", phone: "0900000000" },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.code).toMatch(/^P[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(r.dueOn).toBe(addWorkingDays(todayInVietnam(), 10));
    expect(r.routedTo).toContain("Ủy ban MTTQ");
    const id = await idOf(r.code);
    const list = (await call(ctx.app, front, "GET", "/api/v1/feedback")).json();
    expect(list.items.map((i: { code: string }) => i.code)).toContain(r.code);
    const detail = (await call(ctx.app, front, "GET", `/api/v1/feedback/${id}`)).json();
    expect(detail.identity).toEqual({ name: "Nguyễn Văn A", phone: "0900000000", address: null });
    expect((await call(ctx.app, police, "GET", `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    expect((await call(ctx.app, otherFront, "GET", `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    const noAnswer = await call(ctx.app, front, "POST", `/api/v1/feedback/${id}/answer`, {
      status: "answered",
    });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.issues).toEqual([
      { path: "answer", message: "Nhập nội dung trả lời cho người gửi" },
    ]);
    const ans = await call(ctx.app, front, "POST", `/api/v1/feedback/${id}/answer`, {
      status: "answered",
      answer: "Đã đề nghị điện lực sửa trong tuần này.",
    });
    expect(ans.statusCode).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({ action: "feedback.answered", entityId: id });
    const st = await citizen(ctx.app, "/feedback/status", { code: r.code, secret: r.secret });
    expect(st.json()).toMatchObject({
      status: "answered",
      answer: "Đã đề nghị điện lực sửa trong tuần này.",
    });
    const again = await call(ctx.app, front, "POST", `/api/v1/feedback/${id}/answer`, {
      status: "rejected",
      answer: "x",
    });
    expect(again.statusCode).toBe(409);
  });

  it("security feedback goes to the police; wrong secret is 404; 401/403/400", async () => {
    const r = (await citizen(ctx.app, "/feedback", body("security_order"))).json();
    const id = await idOf(r.code);
    expect((await call(ctx.app, police, "GET", `/api/v1/feedback/${id}`)).statusCode).toBe(200);
    expect((await call(ctx.app, front, "GET", `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    const wrong = await citizen(ctx.app, "/feedback/status", {
      code: r.code,
      secret: "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ",
    });
    expect(wrong.statusCode).toBe(404);
    expect((await call(ctx.app, null, "GET", "/api/v1/feedback")).statusCode).toBe(401);
    const cadre = await signedInAs(ctx.app, "member_org_cadre", p.baclieu.id, "women");
    expect((await call(ctx.app, cadre, "GET", "/api/v1/feedback")).statusCode).toBe(403);
    const bad = await citizen(ctx.app, "/feedback", { ...body(), content: "ngắn" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: "content", message: "Nội dung tối thiểu 10 ký tự" }]);
    const noConsent = await citizen(ctx.app, "/feedback", body("movement", { identity: { name: "B" } }));
    expect(noConsent.statusCode).toBe(400);
  });
});

describe("abilities told by the server", () => {
  it("open feedback may be answered by its body; answered feedback only read", async () => {
    const res = await citizen(ctx.app, "/feedback", body("movement"));
    expect(res.statusCode, res.body).toBe(201);
    const id = await idOf(res.json().code);
    const provinceFront = await signedInAs(ctx.app, "province_front", p.province.id);
    expect((await call(ctx.app, front, "GET", `/api/v1/feedback/${id}`)).json().can).toEqual({
      answer: true,
      recordAcceptance: true,
    });
    expect((await call(ctx.app, provinceFront, "GET", `/api/v1/feedback/${id}`)).json().can).toEqual({
      answer: true,
      recordAcceptance: true,
    });
    const ans = await call(ctx.app, front, "POST", `/api/v1/feedback/${id}/answer`, {
      status: "answered",
      answer: "Đã xử lý.",
    });
    expect(ans.statusCode, ans.body).toBe(200);
    expect((await call(ctx.app, provinceFront, "GET", `/api/v1/feedback/${id}`)).json().can).toEqual({
      answer: false,
      recordAcceptance: false,
    });
    const again = await call(ctx.app, provinceFront, "POST", `/api/v1/feedback/${id}/answer`, {
      status: "rejected",
      answer: "Không.",
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("the inbox list", () => {
  it("shows each item's title and topic, filtered by status, topic and overdue", async () => {
    const a = (await citizen(ctx.app, "/feedback", body("movement", { title: "Sân chơi thiếu đèn" }))).json();
    const b = (await citizen(ctx.app, "/feedback", body("other", { title: "Họp tổ dân phố" }))).json();
    const idA = await idOf(a.code);
    // One of them is past its due date and still unanswered.
    await ctx.app.db.execute(sql`update feedback_items set due_on = due_on - 60 where id = ${idA}`);
    const list = async (query: string) =>
      (await call(ctx.app, front, "GET", `/api/v1/feedback?limit=200${query}`)).json<{
        items: { code: string; title: string; topic: string; overdue: boolean }[];
      }>().items;
    const all = await list("");
    expect(all.find((i) => i.code === a.code)).toMatchObject({
      title: "Sân chơi thiếu đèn",
      topic: "movement",
    });
    expect(all.find((i) => i.code === b.code)).toMatchObject({ title: "Họp tổ dân phố", topic: "other" });
    const other = await list("&topic=other");
    expect(other.map((i) => i.code)).toContain(b.code);
    expect(other.every((i) => i.topic === "other")).toBe(true);
    const overdue = await list("&overdue=true");
    expect(overdue.map((i) => i.code)).toEqual([a.code]);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    expect((await list("&status=answered")).map((i) => i.code)).not.toContain(b.code);
    const bad = await call(ctx.app, front, "GET", "/api/v1/feedback?topic=weather");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({
      path: "querystring.topic",
      message: "Lĩnh vực không hợp lệ",
    });
  });
});
