import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { citizen, places, tipBody } from "../tips/test-support";

/**
 * Tip and feedback indicators are counted from what citizens sent and what the police and the
 * Front recorded on it; outside the police compartment a tip count under 5 is hidden.
 */
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let provincePolice: Session;
let front: Session;
const year = new Date().getUTCFullYear();
const CODES = [
  "tips.received",
  "tips.transferred",
  "tips.solved",
  "tips.arrests",
  "tips.people_handled",
  "feedback.received",
  "feedback.answered_on_time_rate",
].join(",");

async function tipId(code: string) {
  const [r] = await queryRows<{ id: string }>(ctx.app.db, sql`select id from tips where code = ${code}`);
  return r!.id;
}

async function query(s: Session, unitId: string, extra = "") {
  const res = await call(
    ctx.app,
    s,
    "GET",
    `/api/v1/indicators/query?indicators=${CODES}&orgUnitId=${unitId}&from=${year}-01-01&to=${year}-12-31${extra}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    totals: Record<string, number | null>;
    groups?: { key: string; values: Record<string, number | null> }[];
  }>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
  // Six tips to Bạc Liêu, two to An Xuyên; outcomes on three of Bạc Liêu's.
  const codes: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await citizen(ctx.app, "/tips", tipBody(p.province.id, i < 6 ? p.baclieu.id : p.anxuyen.id));
    expect(res.statusCode, res.body).toBe(201);
    codes.push(res.json<{ code: string }>().code);
  }
  const outcomes = [
    { outcome: "case_opened", casesSolved: 1, arrests: 2, peopleHandled: 3 },
    { outcome: "transferred" },
    { outcome: "case_opened", casesSolved: 2, arrests: 1, peopleHandled: 1 },
  ];
  for (const [i, body] of outcomes.entries()) {
    // Commune police transfer; the provincial investigation agency opens cases (CPC Art. 146–147).
    const who = body.outcome === "transferred" ? police : provincePolice;
    const res = await call(ctx.app, who, "POST", `/api/v1/tips/${await tipId(codes[i]!)}/outcome`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  for (let i = 0; i < 3; i++) {
    const res = await citizen(ctx.app, "/feedback", {
      kind: "kien_nghi",
      topic: "movement",
      title: "Đèn đường hẻm 5 hỏng",
      content: "Đèn đường hẻm 5 khóm 1 hỏng nhiều tuần, ban đêm rất tối.",
      provinceId: p.province.id,
      communeId: p.baclieu.id,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 300_000);
afterAll(() => ctx?.close());

describe("tip and feedback indicators", () => {
  it("count what was received and recorded, per unit and by child", async () => {
    const commune = await query(police, p.baclieu.id);
    expect(commune.totals).toMatchObject({
      "tips.received": 6,
      "tips.transferred": 1,
      "tips.solved": 3,
      "tips.arrests": 3,
      "tips.people_handled": 4,
      "feedback.received": 3,
      // Nothing is due yet and nothing answered: no data, not 0 % or 100 %.
      "feedback.answered_on_time_rate": null,
    });
    const province = await query(provincePolice, p.province.id, "&groupBy=child");
    expect(province.totals["tips.received"]).toBe(8);
    const byChild = Object.fromEntries(province.groups!.map((g) => [g.key, g.values["tips.received"]]));
    expect(byChild[p.baclieu.id]).toBe(6);
    expect(byChild[p.anxuyen.id]).toBe(2);
    const lastYear = await call(
      ctx.app,
      police,
      "GET",
      `/api/v1/indicators/query?indicators=tips.received&orgUnitId=${p.baclieu.id}&from=${year - 1}-01-01&to=${year - 1}-12-31`,
    );
    expect(lastYear.json().totals["tips.received"]).toBe(0);
  });

  it("answered on time: an answer before the due date counts, an overdue open item counts against", async () => {
    const items = await queryRows<{ id: string }>(
      ctx.app.db,
      sql`select id from feedback_items order by id limit 2`,
    );
    await ctx.app.db.execute(
      sql`update feedback_items set answered_on = received_on, status = 'answered' where id = ${items[0]!.id}`,
    );
    await ctx.app.db.execute(
      sql`update feedback_items set due_on = ${`${year}-01-01`}::date where id = ${items[1]!.id}`,
    );
    const r = await query(police, p.baclieu.id);
    expect(r.totals["feedback.answered_on_time_rate"]).toBe(0.5);
  });

  it("hides a tip count under 5 from the Front; the police see it exactly", async () => {
    const commune = await query(front, p.baclieu.id);
    expect(commune.totals["tips.received"]).toBe(6);
    expect(commune.totals["tips.transferred"]).toBeNull();
    expect(commune.totals["tips.arrests"]).toBeNull();
    expect(commune.totals["feedback.received"]).toBe(3);
    const exact = await query(police, p.baclieu.id);
    expect(exact.totals["tips.transferred"]).toBe(1);
  });
});
