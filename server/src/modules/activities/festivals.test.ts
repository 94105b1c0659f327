import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

let t: TestContext;
let admin: Session;
let baclieu: Session; // commune Front, Phường Bạc Liêu (31825)
let anxuyen: Session; // commune Front, Phường An Xuyên (32002)
let viewer: Session;
let baclieuId: string;
let anxuyenId: string;
let provinceId: string;
let front: string;
let police: string;
let anxuyenFront: string;

const URL = "/api/v1/festivals";
type Festival = {
  id: string;
  year: number;
  level: string;
  heldOn: string | null;
  venues: string[];
  attendees: number;
  gifts: number;
  giftValue: number;
  awards: number;
  activityId: string | null;
  organizers: { id: string }[];
  can: { edit: boolean };
};

const plan = () => ({
  orgUnitId: baclieuId,
  year: 2026,
  level: "commune",
  planDate: "2026-08-19",
  venues: ["Hội trường UBND phường", " Sân văn hóa khóm 3 "],
  organizerBodyIds: [front, police],
  ceremonyContent: "Đánh giá kết quả phong trào 8 tháng đầu năm; khen thưởng tập thể, cá nhân",
  festivalContent: "Văn nghệ, thể thao; diễn đàn Công an lắng nghe ý kiến Nhân dân; trao quà",
});

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  provinceId = (await unitByCode(db, "province", "96")).id;
  front = await bodyAt(db, baclieuId, "front");
  police = await bodyAt(db, baclieuId, "police");
  anxuyenFront = await bodyAt(db, anxuyenId, "front");
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(db)).id);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  viewer = await signedInAs(t.app, "viewer", baclieuId);
});
afterAll(() => t.close());

describe("festival 19/8", () => {
  let festival: Festival;

  it("refuses without a session, for a viewer and with bad input, in the error shape", async () => {
    expect((await call(t.app, null, "POST", URL, plan())).statusCode).toBe(401);
    const denied = await call(t.app, viewer, "POST", URL, plan());
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("forbidden");
    const bad = await call(t.app, baclieu, "POST", URL, {
      ...plan(),
      year: 2004,
      level: "village",
      planDate: "2025-08-19",
      organizerBodyIds: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["level", "organizerBodyIds", "year"]);
    const wrongYear = await call(t.app, baclieu, "POST", URL, { ...plan(), planDate: "2025-08-19" });
    expect(wrongYear.json().error.issues).toEqual([
      { path: "planDate", message: "Ngày dự kiến phải trong năm của ngày hội" },
    ]);
    const foreign = await call(t.app, baclieu, "POST", URL, { ...plan(), organizerBodyIds: [anxuyenFront] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { path: "organizerBodyIds.0", message: "Đơn vị tổ chức phải thuộc đơn vị của hoạt động hoặc cấp trên" },
    ]);
    expect((await call(t.app, anxuyen, "POST", URL, plan())).statusCode).toBe(404);
  });

  it("plans one festival per unit and year; audited", async () => {
    const res = await call(t.app, baclieu, "POST", URL, plan());
    expect(res.statusCode, res.body).toBe(201);
    festival = res.json<Festival>();
    expect(festival).toMatchObject({
      year: 2026,
      level: "commune",
      heldOn: null,
      venues: ["Hội trường UBND phường", "Sân văn hóa khóm 3"],
      can: { edit: true },
    });
    expect(festival.organizers.map((o) => o.id).sort()).toEqual([front, police].sort());
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "festival.created", entityId: festival.id, orgUnitId: baclieuId });
    const again = await call(t.app, baclieu, "POST", URL, plan());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
  });

  it("edits the plan with before and after in the log", async () => {
    const res = await call(t.app, baclieu, "PATCH", `${URL}/${festival.id}`, {
      venues: ["Nhà văn hóa khóm 5"],
      showcase: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ venues: ["Nhà văn hóa khóm 5"], showcase: true });
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "festival.updated" });
    expect(ev!.data).toEqual({
      before: { showcase: false, venues: ["Hội trường UBND phường", "Sân văn hóa khóm 3"] },
      after: { showcase: true, venues: ["Nhà văn hóa khóm 5"] },
    });
    expect(
      (await call(t.app, anxuyen, "PATCH", `${URL}/${festival.id}`, { showcase: false })).statusCode,
    ).toBe(404);
    expect((await call(t.app, baclieu, "PATCH", `${URL}/${festival.id}`, {})).statusCode).toBe(400);
  });

  it("records the held day, figures and its festival_day activity", async () => {
    const held = { heldOn: "2026-08-18", attendees: 450, gifts: 30, giftValue: 15_000_000, awards: 12 };
    const wrong = await call(t.app, baclieu, "POST", `${URL}/${festival.id}/held`, {
      ...held,
      heldOn: "2025-08-19",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([
      { path: "heldOn", message: "Ngày tổ chức phải trong năm 2026" },
    ]);
    const meeting = await call(t.app, baclieu, "POST", "/api/v1/activities", {
      orgUnitId: baclieuId,
      kind: "meeting",
      date: "2026-08-18",
      organizerBodyIds: [front],
      topics: [],
    });
    const notFestival = await call(t.app, baclieu, "POST", `${URL}/${festival.id}/held`, {
      ...held,
      activityId: meeting.json().id,
    });
    expect(notFestival.statusCode).toBe(400);
    expect(notFestival.json().error.issues[0].path).toBe("activityId");
    const activity = await call(t.app, baclieu, "POST", "/api/v1/activities", {
      orgUnitId: baclieuId,
      kind: "festival_day",
      date: "2026-08-18",
      organizerBodyIds: [front, police],
      topics: ["law"],
      attendees: 450,
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const res = await call(t.app, baclieu, "POST", `${URL}/${festival.id}/held`, {
      ...held,
      activityId: activity.json().id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...held, activityId: activity.json().id });
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "festival.held_recorded", entityId: festival.id });
    expect(ev!.data).toEqual({ ...held, activityId: activity.json().id });
  });

  it("gives the yearly overview equal to a recount of the records, scoped by unit", async () => {
    // A second commune plans but has not held it yet; a showcase at the province level is held.
    const other = await call(t.app, anxuyen, "POST", URL, {
      ...plan(),
      orgUnitId: anxuyenId,
      organizerBodyIds: [anxuyenFront],
    });
    expect(other.statusCode, other.body).toBe(201);
    const provincePolice = await bodyAt(t.app.db, provinceId, "police");
    const prov = await call(t.app, admin, "POST", URL, {
      orgUnitId: provinceId,
      year: 2026,
      level: "province",
      organizerBodyIds: [provincePolice],
    });
    expect(prov.statusCode, prov.body).toBe(201);
    const provHeld = await call(t.app, admin, "POST", `${URL}/${prov.json().id}/held`, {
      heldOn: "2026-08-19",
      attendees: 900,
      awards: 40,
    });
    expect(provHeld.statusCode, provHeld.body).toBe(200);

    const list = await call(t.app, admin, "GET", `${URL}?orgUnitId=${provinceId}&year=2026`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Festival[] }>().items;
    expect(items).toHaveLength(3);
    const held = items.filter((f) => f.heldOn);
    const overview = await call(t.app, admin, "GET", `${URL}/overview?orgUnitId=${provinceId}&year=2026`);
    expect(overview.statusCode).toBe(200);
    const o = overview.json();
    expect(o.totals).toEqual({
      planned: items.length,
      held: held.length,
      attendees: held.reduce((n, f) => n + f.attendees, 0),
      gifts: held.reduce((n, f) => n + f.gifts, 0),
      giftValue: held.reduce((n, f) => n + f.giftValue, 0),
      awards: held.reduce((n, f) => n + f.awards, 0),
    });
    const commune = o.byLevel.find((l: { level: string }) => l.level === "commune");
    expect(commune).toMatchObject({ planned: 2, held: 1, attendees: 450 });

    // A commune's cadre sees only its own festival; another year is empty.
    const own = await call(t.app, baclieu, "GET", `${URL}?orgUnitId=${baclieuId}&year=2026`);
    expect(own.json().items.map((f: Festival) => f.id)).toEqual([festival.id]);
    expect((await call(t.app, baclieu, "GET", `${URL}?orgUnitId=${anxuyenId}&year=2026`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, baclieu, "GET", `${URL}/${other.json().id}`)).statusCode).toBe(404);
    // The indicators count the festivals held in the period, as the records say.
    const codes = "festivals.held,festivals.held_communes,festivals.attendees,festivals.awards";
    const ind = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/indicators/query?indicators=${codes}&orgUnitId=${provinceId}&from=2026-01-01&to=2026-12-31`,
    );
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().totals).toEqual({
      "festivals.held": held.length,
      "festivals.held_communes": held.filter((f) => f.level === "commune").length,
      "festivals.attendees": held.reduce((n, f) => n + f.attendees, 0),
      "festivals.awards": held.reduce((n, f) => n + f.awards, 0),
    });
    const before = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/indicators/query?indicators=festivals.held&orgUnitId=${provinceId}&from=2026-01-01&to=2026-08-18`,
    );
    expect(before.json().totals["festivals.held"]).toBe(held.filter((f) => f.heldOn! <= "2026-08-18").length);
    const empty = await call(t.app, admin, "GET", `${URL}/overview?orgUnitId=${provinceId}&year=2025`);
    expect(empty.json().totals.planned).toBe(0);
    expect((await call(t.app, admin, "GET", `${URL}/overview?orgUnitId=${provinceId}`)).statusCode).toBe(400);
  });
});
