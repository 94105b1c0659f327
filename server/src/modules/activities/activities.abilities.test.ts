import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

let t: TestContext;
let baclieu: Session; // commune Front, Phường Bạc Liêu: may record, edit and delete there
let viewer: Session; // viewer, Phường Bạc Liêu: may only read
let women: Session; // Women's Union cadre: only activities its union co-organises
let anxuyen: Session; // commune Front elsewhere: cannot see Bạc Liêu's records
let baclieuId: string;
let anxuyenId: string;
let front: string;
let womenBody: string;

const URL = "/api/v1/activities";

async function created(organizerBodyIds: string[], date = "2026-03-15"): Promise<string> {
  const res = await call(t.app, baclieu, "POST", URL, {
    orgUnitId: baclieuId,
    kind: "meeting",
    date,
    organizerBodyIds,
    topics: [],
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().can).toEqual({ edit: true, delete: true });
  return res.json().id as string;
}

const detailCan = async (s: Session, id: string) => {
  const res = await call(t.app, s, "GET", `${URL}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().can as unknown;
};

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  front = await bodyAt(db, baclieuId, "front");
  womenBody = await bodyAt(db, baclieuId, "women");
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  viewer = await signedInAs(t.app, "viewer", baclieuId);
  women = await signedInAs(t.app, "member_org_cadre", baclieuId, "women");
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
});
afterAll(() => t.close());

describe("activity abilities", () => {
  it("tells the recorder it may edit and delete, and a viewer that it may only read", async () => {
    const id = await created([front]);
    expect(await detailCan(baclieu, id)).toEqual({ edit: true, delete: true });
    expect(await detailCan(viewer, id)).toEqual({ edit: false, delete: false });
    // A member-organisation cadre acts only on its own organisation's activities.
    expect(await detailCan(women, id)).toEqual({ edit: false, delete: false });
    const joint = await created([front, womenBody]);
    expect(await detailCan(women, joint)).toEqual({ edit: true, delete: true });
    // The answer matches what the commands accept.
    expect((await call(t.app, women, "PATCH", `${URL}/${id}`, { attendees: 3 })).statusCode).toBe(403);
    const edited = await call(t.app, women, "PATCH", `${URL}/${joint}`, { attendees: 3 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().can).toEqual({ edit: true, delete: true });
  });

  it("says no edit or delete while an approved report locks the activity's period", async () => {
    const id = await created([front], "2026-02-10");
    await t.app.db.execute(
      sql`insert into period_locks (org_unit_id, unit_path, period_from, period_to)
          select id, path, '2026-01-01', '2026-02-28' from org_units where id = ${baclieuId}`,
    );
    expect(await detailCan(baclieu, id)).toEqual({ edit: false, delete: false });
    expect((await call(t.app, baclieu, "DELETE", `${URL}/${id}`)).statusCode).toBe(409);
  });

  it("lists carry whether the caller may record an activity there", async () => {
    const can = async (s: Session, query = "") => {
      const res = await call(t.app, s, "GET", `${URL}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().can as unknown;
    };
    expect(await can(baclieu)).toEqual({ create: true });
    expect(await can(baclieu, `?orgUnitId=${baclieuId}`)).toEqual({ create: true });
    expect(await can(women, `?orgUnitId=${baclieuId}`)).toEqual({ create: true });
    expect(await can(viewer)).toEqual({ create: false });
    expect(await can(viewer, `?orgUnitId=${baclieuId}`)).toEqual({ create: false });
    expect(await can(anxuyen, `?orgUnitId=${anxuyenId}`)).toEqual({ create: true });
  });
});
