import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import {
  createResidentialArea,
  lastAuditEvent,
  rootUnit,
  signedInAs,
  unitByCode,
} from "../../test/factories";
import { bodyAt, formerUnit } from "./test-fixtures";

let t: TestContext;
let admin: Session;
let baclieu: Session; // commune Front, Phường Bạc Liêu (31825)
let anxuyen: Session; // commune Front, Phường An Xuyên (32002)
let women: Session; // Women's Union cadre, Phường Bạc Liêu
let viewer: Session;
let baclieuId: string;
let anxuyenId: string;
let areaId: string;
let police: string; // Công an Phường Bạc Liêu
let front: string;
let womenBody: string;
let areaFront: string;
let anxuyenPolice: string;

const URL = "/api/v1/activities";
type Activity = { id: string; organizers: { id: string; kind: string; name: string }[] } & Record<
  string,
  unknown
>;

const session = () => ({
  orgUnitId: baclieuId,
  kind: "propaganda_session",
  date: "2026-03-15",
  organizerBodyIds: [front, police],
  topics: ["drugs", "scams"],
  tags: ["  chợ đêm ", "chợ đêm"],
  title: "Tuyên truyền phòng chống ma túy",
  attendees: 120,
  households: 80,
  leaflets: 300,
  broadcastHours: 1.5,
});

async function create(s: Session, body: object): Promise<Activity> {
  const res = await call(t.app, s, "POST", URL, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Activity>();
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  areaId = await createResidentialArea(db, baclieuId, "Khóm 1");
  // One at a time: parallel queries open extra PostgreSQL connections for nothing.
  police = await bodyAt(db, baclieuId, "police");
  front = await bodyAt(db, baclieuId, "front");
  womenBody = await bodyAt(db, baclieuId, "women");
  areaFront = await bodyAt(db, areaId, "front");
  anxuyenPolice = await bodyAt(db, anxuyenId, "police");
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(db)).id);
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  women = await signedInAs(t.app, "member_org_cadre", baclieuId, "women");
  viewer = await signedInAs(t.app, "viewer", baclieuId);
});
afterAll(() => t.close());

describe("createActivity", () => {
  it("is 401 without a session and 403 for a viewer", async () => {
    expect((await call(t.app, null, "POST", URL, session())).statusCode).toBe(401);
    const res = await call(t.app, viewer, "POST", URL, session());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
  });

  it("is 400 with exact messages for a future date, bad figures and no organiser", async () => {
    const res = await call(t.app, baclieu, "POST", URL, {
      ...session(),
      date: "2999-01-01",
      attendees: -1,
      students: 2.5,
      broadcastHours: 1.234,
      organizerBodyIds: [],
      topics: ["weather"],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "date", message: "Ngày không được ở tương lai" },
      { path: "organizerBodyIds", message: "Cần ít nhất một đơn vị tổ chức" },
      { path: "topics.0", message: "Chủ đề không hợp lệ" },
      { path: "attendees", message: "Không được là số âm" },
      { path: "students", message: "Phải là số nguyên" },
      { path: "broadcastHours", message: "Tối đa 2 chữ số thập phân" },
    ]);
  });

  it("is 400 at organizerBodyIds.<i> when an organiser is not at the unit or above it", async () => {
    const res = await call(t.app, admin, "POST", URL, {
      ...session(),
      organizerBodyIds: [police, anxuyenPolice, areaFront],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "organizerBodyIds.1", message: "Đơn vị tổ chức phải thuộc đơn vị của hoạt động hoặc cấp trên" },
      { path: "organizerBodyIds.2", message: "Đơn vị tổ chức phải thuộc đơn vị của hoạt động hoặc cấp trên" },
    ]);
    const dup = await call(t.app, admin, "POST", URL, { ...session(), organizerBodyIds: [police, police] });
    expect(dup.json().error.issues).toEqual([
      { path: "organizerBodyIds.1", message: "Đơn vị tổ chức bị lặp" },
    ]);
  });

  it("is 404 for a unit outside the caller's scope", async () => {
    const res = await call(t.app, anxuyen, "POST", URL, session());
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("lets a commune body organise in a residential area; audited", async () => {
    const a = await create(baclieu, {
      ...session(),
      orgUnitId: areaId,
      organizerBodyIds: [areaFront, police],
    });
    expect(a).toMatchObject({
      orgUnitId: areaId,
      orgUnitName: "Khóm 1",
      kind: "propaganda_session",
      date: "2026-03-15",
      topics: ["drugs", "scams"],
      tags: ["chợ đêm"],
      attendees: 120,
      students: 0,
      broadcastHours: 1.5,
      notes: null,
    });
    expect(a.organizers.map((o) => [o.kind, o.name])).toEqual([
      ["front", "Ban Công tác Mặt trận Khóm 1"],
      ["police", "Công an Phường Bạc Liêu"],
    ]);
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "activity.created", entityType: "activity", entityId: a.id });
    expect(ev?.orgUnitId).toBe(areaId);
    expect(ev?.data).toMatchObject({ kind: "propaganda_session", organizerBodyIds: [areaFront, police] });
  });

  it("limits a member-organisation cadre to activities its organisation co-organises (403)", async () => {
    const res = await call(t.app, women, "POST", URL, session());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe(
      "Cán bộ hội, đoàn thể chỉ ghi hoạt động do tổ chức của mình chủ trì hoặc phối hợp.",
    );
    const ok = await create(women, { ...session(), organizerBodyIds: [womenBody, police] });
    expect(ok.organizers.map((o) => o.kind)).toEqual(["police", "women"]);
    const other = await create(baclieu, session());
    const del = await call(t.app, women, "DELETE", `${URL}/${other.id}`);
    expect(del.statusCode).toBe(403);
  });

  it("accepts a pre-reform unit only up to the day it ended", async () => {
    const ward2 = await formerUnit(t.app.db, "commune", "31813");
    const late = await call(t.app, baclieu, "POST", URL, {
      ...session(),
      orgUnitId: ward2.id,
      date: "2025-07-02",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.issues).toEqual([
      { path: "date", message: "Đơn vị này chỉ còn hiệu lực đến ngày 30/06/2025" },
    ]);
    const a = await create(baclieu, { ...session(), orgUnitId: ward2.id, date: "2025-05-10" });
    expect(a.orgUnitName).toBe("Phường 2");
  });

  it("keeps a record in today's province, and the database refuses a province that is not its path's", async () => {
    // A pre-reform commune of the former Bạc Liêu province counts in today's Cà Mau (decision 0014).
    const ward2 = await formerUnit(t.app.db, "commune", "31813");
    const a = await create(baclieu, { ...session(), orgUnitId: ward2.id, date: "2025-05-11" });
    const [row] = await queryRows<{ province: string; former: string }>(
      t.app.db,
      sql`select p.code as province, f.code as former
          from activities a join org_units p on p.id = a.province_id
          join org_units u on u.id = a.org_unit_id join org_units f on f.id = u.province_id
          where a.id = ${a.id}`,
    );
    expect(row).toMatchObject({ province: "96", former: "95" });
    // Any other province is refused (decision 0018: a check against the path, not a foreign key).
    const refused = await t.app.db
      .execute(
        sql`update activities set province_id = (select province_id from org_units where id = ${ward2.id})
          where id = ${a.id}`,
      )
      .then(
        () => "updated",
        (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
      );
    expect(refused).toMatch(/activities_province_ck/);
  });
});

describe("getActivity", () => {
  it("is 401, 400 for a bad id, 404 out of scope and 200 in scope", async () => {
    const a = await create(baclieu, session());
    expect((await call(t.app, null, "GET", `${URL}/${a.id}`)).statusCode).toBe(401);
    const bad = await call(t.app, baclieu, "GET", `${URL}/not-a-uuid`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("params.id");
    const hidden = await call(t.app, anxuyen, "GET", `${URL}/${a.id}`);
    expect(hidden.statusCode).toBe(404);
    const res = await call(t.app, viewer, "GET", `${URL}/${a.id}`);
    expect(res.statusCode).toBe(200);
    // The same record; a viewer may only read it.
    expect(res.json()).toEqual({ ...a, can: { edit: false, delete: false } });
  });
});

describe("updateActivity", () => {
  it("is 401, 400 with exact messages and 404 out of scope", async () => {
    const a = await create(baclieu, session());
    expect((await call(t.app, null, "PATCH", `${URL}/${a.id}`, { attendees: 1 })).statusCode).toBe(401);
    const empty = await call(t.app, baclieu, "PATCH", `${URL}/${a.id}`, {});
    expect(empty.json().error.issues).toEqual([{ path: "", message: "Không có gì để cập nhật" }]);
    const unit = await call(t.app, baclieu, "PATCH", `${URL}/${a.id}`, { orgUnitId: anxuyenId });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.issues).toEqual([
      { path: "orgUnitId", message: "Không thể đổi đơn vị của hoạt động" },
    ]);
    const bad = await call(t.app, baclieu, "PATCH", `${URL}/${a.id}`, { organizerBodyIds: [anxuyenPolice] });
    expect(bad.json().error.issues[0].path).toBe("organizerBodyIds.0");
    expect((await call(t.app, anxuyen, "PATCH", `${URL}/${a.id}`, { attendees: 1 })).statusCode).toBe(404);
  });

  it("changes fields and organisers; the audit keeps before and after of what changed", async () => {
    const a = await create(baclieu, session());
    const res = await call(t.app, baclieu, "PATCH", `${URL}/${a.id}`, {
      attendees: 150,
      households: 80, // unchanged: not in the audit
      title: "",
      organizerBodyIds: [police],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attendees: 150, households: 80, title: null });
    expect(res.json().organizers.map((o: { id: string }) => o.id)).toEqual([police]);
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "activity.updated", entityId: a.id, orgUnitId: baclieuId });
    expect(ev?.data).toEqual({
      before: {
        attendees: 120,
        title: "Tuyên truyền phòng chống ma túy",
        organizerBodyIds: [front, police].sort(),
      },
      after: { attendees: 150, title: null, organizerBodyIds: [police] },
    });
    // The organiser kinds copy follows the new organisers.
    const byFront = await call(t.app, baclieu, "GET", `${URL}?bodyKind=front&limit=500`);
    expect(byFront.json().items.some((x: Activity) => x.id === a.id)).toBe(false);
    const byPolice = await call(t.app, baclieu, "GET", `${URL}?bodyKind=police&limit=500`);
    expect(byPolice.json().items.some((x: Activity) => x.id === a.id)).toBe(true);
  });
});

describe("deleteActivity", () => {
  it("is 401, 404 out of scope, then deletes with the before-image audited", async () => {
    const a = await create(baclieu, session());
    expect((await call(t.app, null, "DELETE", `${URL}/${a.id}`)).statusCode).toBe(401);
    expect((await call(t.app, anxuyen, "DELETE", `${URL}/${a.id}`)).statusCode).toBe(404);
    const res = await call(t.app, baclieu, "DELETE", `${URL}/${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const ev = await lastAuditEvent(t.app.db);
    expect(ev).toMatchObject({ action: "activity.deleted", entityId: a.id });
    expect((ev?.data as { before: Activity }).before).toMatchObject({
      attendees: 120,
      title: "Tuyên truyền phòng chống ma túy",
      organizerBodyIds: a.organizers.map((o) => o.id),
    });
    expect((await call(t.app, baclieu, "GET", `${URL}/${a.id}`)).statusCode).toBe(404);
  });
});

describe("listActivities", () => {
  it("is 401 and 400 with the exact message for a reversed period", async () => {
    expect((await call(t.app, null, "GET", URL)).statusCode).toBe(401);
    const res = await call(t.app, baclieu, "GET", `${URL}?from=2026-02-01&to=2026-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "querystring.to", message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu" },
    ]);
  });

  it("filters by scope, unit subtree, period, kind, topic, organiser kind and tag; pages newest first", async () => {
    const mine = await create(anxuyen, {
      ...session(),
      orgUnitId: anxuyenId,
      organizerBodyIds: [anxuyenPolice],
      date: "2026-01-05",
      kind: "meeting",
      topics: ["fire"],
      tags: ["an xuyên"],
    });
    const list = async (s: Session, q: string) => {
      const res = await call(t.app, s, "GET", `${URL}?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Activity[]; nextCursor: string | null }>();
    };
    expect((await list(anxuyen, "")).items.map((a) => a.id)).toEqual([mine.id]);
    expect((await list(baclieu, "limit=500")).items.some((a) => a.id === mine.id)).toBe(false);
    expect((await call(t.app, anxuyen, "GET", `${URL}?orgUnitId=${baclieuId}`)).statusCode).toBe(404);
    expect((await list(admin, `orgUnitId=${anxuyenId}`)).items.map((a) => a.id)).toEqual([mine.id]);
    expect(
      (await list(admin, "kind=meeting&topic=fire&bodyKind=police&tag=an%20xuy%C3%AAn")).items,
    ).toHaveLength(1);
    expect((await list(admin, "kind=meeting&bodyKind=front")).items).toHaveLength(0);
    const area = await list(baclieu, `orgUnitId=${areaId}`);
    expect(area.items.length).toBeGreaterThan(0);
    expect(area.items.every((a) => a.orgUnitId === areaId)).toBe(true);
    const first = await list(baclieu, "limit=2&from=2026-01-01");
    expect(first.items).toHaveLength(2);
    const next = await list(baclieu, `limit=2&from=2026-01-01&cursor=${first.nextCursor}`);
    expect(next.items[0]?.id).not.toBe(first.items[0]?.id);
    const all = await list(baclieu, "limit=500");
    const dates = all.items.map((a) => String(a.date));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
