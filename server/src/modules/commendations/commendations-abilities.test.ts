// `can.create` on the nominations list: who may nominate, by the rule nominateCommendation enforces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";

let t: TestContext;
let front: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestContext();
  const baclieuId = (await unitByCode(t.app.db, "commune", "31825")).id;
  front = await signedInAs(t.app, "commune_front", baclieuId);
  viewer = await signedInAs(t.app, "viewer", baclieuId);
});
afterAll(() => t.close());

const list = async (s: Session) => {
  const res = await call(t.app, s, "GET", "/api/v1/commendations");
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ can: { create: boolean } }>().can;
};

describe("commendations list abilities", () => {
  it("tells the commune Front it may nominate, and a reader it may not", async () => {
    expect(await list(front)).toEqual({ create: true });
    expect(await list(viewer)).toEqual({ create: false });
    expect((await call(t.app, viewer, "POST", "/api/v1/commendations", {})).statusCode).toBe(403);
  });
});
