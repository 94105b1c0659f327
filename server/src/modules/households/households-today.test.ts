import { setClock } from "@toandan/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { bodyAt } from "../activities/test-fixtures";
import { addHousehold, buildWorld, type World } from "./households.fixtures";

// "Today" is the date in Vietnam at any hour: at 00:30 it is still yesterday in UTC, at 23:30 a
// browser or server in UTC+8 would already be on tomorrow.
let w: World;
let front: string;
beforeAll(async () => {
  w = await buildWorld();
  front = await bodyAt(w.t.app.db, w.baclieuId, "front");
});
afterEach(() => setClock(null));
afterAll(() => w.t.close());

describe.each([
  ["00:30 on 01/01/2027", "2026-12-31T17:30:00Z", "2027-01-01", "2027-01-02"],
  ["23:30 on 01/01/2027", "2027-01-01T16:30:00Z", "2027-01-01", "2027-01-02"],
  ["00:30 on 03/12/2026", "2026-12-02T17:30:00Z", "2026-12-03", "2026-12-04"],
  ["23:30 on 03/12/2026", "2026-12-03T16:30:00Z", "2026-12-03", "2026-12-04"],
])("at %s Vietnam time", (_label, instant, today, tomorrow) => {
  const year = Number(today.slice(0, 4));

  it("a household commitment signed today is recorded; one dated tomorrow is refused", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Lê Thị Hoa" });
    setClock(instant);
    const url = `/api/v1/households/${id}/commitments`;
    const later = await call(w.t.app, w.baclieu, "POST", url, {
      year,
      signedOn: tomorrow,
      formVersion: "Mẫu 01/2025",
    });
    expect(later.statusCode, later.body).toBe(400);
    expect(later.json().error.issues).toEqual([{ path: "signedOn", message: "Ngày không được ở tương lai" }]);
    const res = await call(w.t.app, w.baclieu, "POST", url, {
      year,
      signedOn: today,
      formVersion: "Mẫu 01/2025",
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("an activity held today is recorded; one dated tomorrow is refused", async () => {
    setClock(instant);
    const body = {
      orgUnitId: w.baclieuId,
      kind: "meeting",
      organizerBodyIds: [front],
      topics: ["drugs"],
      attendees: 20,
    };
    const later = await call(w.t.app, w.baclieu, "POST", "/api/v1/activities", { ...body, date: tomorrow });
    expect(later.statusCode, later.body).toBe(400);
    const res = await call(w.t.app, w.baclieu, "POST", "/api/v1/activities", { ...body, date: today });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("a household that moved out today is accepted", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaB, headName: "Trần Văn Bình" });
    setClock(instant);
    const res = await call(w.t.app, w.baclieu, "PATCH", `/api/v1/households/${id}`, { movedOutOn: today });
    expect(res.statusCode, res.body).toBe(200);
  });
});
