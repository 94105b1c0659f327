// `can.create` on the reports list: the rule createReport enforces, for the filter unit or in scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";

let t: TestContext;
let front: Session;
let viewer: Session;
let baclieuId: string;

beforeAll(async () => {
  t = await createTestContext();
  baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  front = await signedInAs(t.app, "commune_front", baclieuId);
  viewer = await signedInAs(t.app, "viewer", baclieuId);
});
afterAll(() => t.close());

const list = async (s: Session, q = "") => {
  const res = await call(t.app, s, "GET", `/api/v1/reports${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ can: { create: boolean } }>().can;
};

describe("reports list abilities", () => {
  it("tells a cadre who composes reports yes, and a reader no, filtered or not", async () => {
    expect(await list(front)).toEqual({ create: true });
    expect(await list(front, `?orgUnitId=${baclieuId}`)).toEqual({ create: true });
    expect(await list(viewer)).toEqual({ create: false });
    expect(await list(viewer, `?orgUnitId=${baclieuId}`)).toEqual({ create: false });
    // What `can` says is what the server does.
    const refused = await call(t.app, viewer, "POST", "/api/v1/reports", {});
    expect(refused.statusCode).toBe(403);
  });
});
