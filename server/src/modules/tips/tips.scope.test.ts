import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs } from "../../test/factories";
import { citizen, places, tipBody } from "./test-support";

/** Citizen tips: scope, the police compartment and the abilities the server tells. */

let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let provincePolice: Session;
let otherPolice: Session;
let front: Session;

beforeAll(async () => {
  ctx = await createTestContext({ CITIZEN_RATE_LIMIT: "5" });
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
  otherPolice = await signedInAs(ctx.app, "commune_police", p.anxuyen.id);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
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

describe("scope and the police compartment", () => {
  it("401 anonymous, 403 without tip.handle, 404 for a Front account and another commune's police", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    expect((await call(ctx.app, null, "GET", "/api/v1/tips")).statusCode).toBe(401);
    expect((await call(ctx.app, null, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(401);
    expect((await call(ctx.app, front, "GET", "/api/v1/tips")).statusCode).toBe(403);
    const frontRead = await call(ctx.app, front, "GET", `/api/v1/tips/${id}`);
    expect(frontRead.statusCode).toBe(404);
    expect(frontRead.body).not.toContain("ma túy");
    expect((await call(ctx.app, front, "GET", `/api/v1/tips/${id}/attachments/1`)).statusCode).toBe(404);
    expect((await call(ctx.app, otherPolice, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(404);
    expect(
      (await call(ctx.app, otherPolice, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, front, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" })).statusCode,
    ).toBe(403);
    const admin = await signedInAs(
      ctx.app,
      "system_admin",
      (await queryRows<{ id: string }>(ctx.app.db, sql`select id from org_units where kind = 'country'`))[0]!
        .id,
    );
    expect((await call(ctx.app, admin, "GET", `/api/v1/tips/${id}`)).statusCode).toBe(404);
    const list = (await call(ctx.app, otherPolice, "GET", "/api/v1/tips")).json();
    expect(list.items.map((t: { code: string }) => t.code)).not.toContain(r.code);
  });

  it("Front accounts see counts only, with counts under 5 shown as <5; the police see exact counts", async () => {
    const fresh = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
    await submit(tipBody(p.province.id, p.anxuyen.id));
    const counts = await call(ctx.app, fresh, "GET", "/api/v1/tips/counts");
    expect(counts.statusCode).toBe(200);
    expect(counts.json().total).toEqual({ value: null, display: "<5", suppressed: true });
    const exact = (await call(ctx.app, otherPolice, "GET", "/api/v1/tips/counts")).json();
    expect(exact.total).toEqual({ value: 1, display: "1", suppressed: false });
    expect(
      (await call(ctx.app, fresh, "GET", `/api/v1/tips/counts?orgUnitId=${p.baclieu.id}`)).statusCode,
    ).toBe(404);
  });
});

describe("abilities told by the server", () => {
  it("the commune may check and transfer; the agency decides and extends; a decided tip is only answered", async () => {
    const r = await submit();
    const id = await idOf(r.code);
    const open = (await call(ctx.app, police, "GET", `/api/v1/tips/${id}`)).json();
    expect(open.can).toEqual({
      readContent: true,
      triage: true,
      reply: true,
      recordOutcome: true,
      outcomes: ["transferred"],
      extend: false,
      nextExtension: null,
      resume: false,
      recordNotice: false,
      investigationAgency: false,
    });
    const above = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(above.can).toMatchObject({
      triage: true,
      outcomes: ["case_opened", "transferred"],
      extend: true,
      nextExtension: 1,
      investigationAgency: true,
    });
    await call(ctx.app, police, "POST", `/api/v1/tips/${id}/triage`, { urgency: "normal" });
    const checked = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    // No suspension before the limit runs out (CPC Art. 148.1).
    expect(checked.can.outcomes).toEqual(["case_opened", "no_case", "transferred"]);
    const out = await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/outcome`, {
      outcome: "no_case",
      ground: "no_crime_event",
    });
    expect(out.statusCode, out.body).toBe(200);
    const closed = (await call(ctx.app, provincePolice, "GET", `/api/v1/tips/${id}`)).json();
    expect(closed.can).toEqual({
      readContent: true,
      triage: false,
      reply: true,
      recordOutcome: false,
      outcomes: [],
      extend: false,
      nextExtension: null,
      resume: false,
      recordNotice: true,
      investigationAgency: true,
    });
    // What the commands refuse, the abilities deny.
    expect(
      (await call(ctx.app, provincePolice, "POST", `/api/v1/tips/${id}/triage`, { urgency: "urgent" }))
        .statusCode,
    ).toBe(409);
  });

  it("the counts tell whether the caller has an inbox: the police yes, the Front no", async () => {
    expect((await call(ctx.app, police, "GET", "/api/v1/tips/counts")).json().can).toEqual({ inbox: true });
    expect((await call(ctx.app, front, "GET", "/api/v1/tips/counts")).json().can).toEqual({ inbox: false });
  });
});
