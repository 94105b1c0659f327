// `can` on a cycle and on the lists: what the caller may do, by the same rules the commands enforce.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, helpers, type World } from "./test-support";

let w: World;
const h = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const NONE = {
  selfAssess: false,
  review: false,
  appraise: false,
  decide: false,
  upload: false,
  classify: false,
};

describe("cycle abilities", () => {
  it("tells the unit what it may do, the level above what it may do, and a reader nothing", async () => {
    const reg = await h.register(w.area, w.areaId);
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json<{ id: string }>().id;
    const url = `/certification/cycles/${id}`;
    expect(reg.json()).toMatchObject({
      can: { ...NONE, selfAssess: true, classify: true },
    });
    expect((await h.ok(w.viewer, "GET", url)).can).toEqual(NONE);
    // The commune police sit above the area: nothing to appraise yet.
    expect((await h.ok(w.police, "GET", url)).can).toMatchObject({ appraise: false, decide: false });

    await h.ok(w.area, "POST", `${url}/self-assessment`, h.selfAssessment(["ra.1", "ra.2"]));
    expect((await h.ok(w.area, "GET", url)).can).toEqual({
      ...NONE,
      selfAssess: true,
      review: true,
      upload: true,
      classify: true,
    });
    await h.ok(w.area, "POST", `${url}/review-meeting`, h.meeting);
    const reviewed = (await h.ok(w.area, "GET", url)).can;
    expect(reviewed).toEqual({ ...NONE, upload: true, classify: true });
    // The area's own cadre cannot appraise; the commune police above it can.
    expect((await h.ok(w.police, "GET", url)).can.appraise).toBe(true);
    expect((await h.ok(w.viewer, "GET", url)).can).toEqual(NONE);
    // What `can` says is what the server does.
    expect((await h.api(w.area, "POST", `${url}/appraisal`, h.appraisal)).statusCode).toBe(403);
    expect((await h.api(w.police, "POST", `${url}/appraisal`, h.appraisal)).statusCode).toBe(200);
  });
});

describe("list abilities", () => {
  it("says who may register a unit and record an event, for the filter unit or anywhere in scope", async () => {
    const cycles = (s: World["area"], q = "") => h.ok(s, "GET", `/certification/cycles${q}`);
    expect((await cycles(w.area)).can).toEqual({ create: true });
    expect((await cycles(w.area, `?orgUnitId=${w.areaId}`)).can).toEqual({ create: true });
    // The area's cadre reads the commune's list but may not register the commune itself.
    expect((await cycles(w.front, `?orgUnitId=${w.baclieuId}`)).can).toEqual({ create: true });
    expect((await cycles(w.viewer)).can).toEqual({ create: false });
    expect((await cycles(w.viewer, `?orgUnitId=${w.areaId}`)).can).toEqual({ create: false });

    const events = (s: World["area"]) => h.ok(s, "GET", "/certification/disqualifying-events");
    expect((await events(w.police)).can).toEqual({ create: true });
    expect((await events(w.viewer)).can).toEqual({ create: false });
  });
});
