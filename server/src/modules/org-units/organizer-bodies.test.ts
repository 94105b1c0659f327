import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";
import { bodyAt, formerUnit } from "../activities/test-fixtures";

let t: TestContext;
let baclieu: Session; // commune Front of Phường Bạc Liêu (31825)
let khom1: Session; // residential-area cadre (Front working committee) of Khóm 1, Phường Bạc Liêu
let baclieuId: string;
let anxuyenId: string;
let caMauId: string;
let areaId: string;
let otherAreaId: string;

type Levels = {
  orgUnitId: string;
  levels: {
    orgUnitId: string;
    orgUnitName: string;
    orgUnitKind: string;
    bodies: { id: string; kind: string; name: string }[];
  }[];
};

const url = (id: string) => `/api/v1/org-units/${id}/organizer-bodies`;

async function levelsOf(s: Session, id: string): Promise<Levels> {
  const res = await call(t.app, s, "GET", url(id));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Levels>();
}

/** Creates an activity at `orgUnitId` with these organisers; the status code and the issues. */
async function record(s: Session, orgUnitId: string, organizerBodyIds: string[], date = "2026-03-15") {
  const res = await call(t.app, s, "POST", "/api/v1/activities", {
    orgUnitId,
    kind: "meeting",
    date,
    organizerBodyIds,
    topics: [],
    attendees: 10,
  });
  return { status: res.statusCode, issues: res.statusCode === 400 ? res.json().error.issues : undefined };
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  areaId = await createResidentialArea(db, baclieuId, "Khóm 1");
  otherAreaId = await createResidentialArea(db, anxuyenId, "Khóm 2");
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  khom1 = await signedInAs(t.app, "residential_area_cadre", areaId);
});
afterAll(() => t.close());

describe("GET /org-units/:id/organizer-bodies", () => {
  it("is 401 without a session", async () => {
    const res = await call(t.app, null, "GET", url(areaId));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("is 404 for a unit outside the caller's scope, its own ancestors included", async () => {
    for (const id of [otherAreaId, anxuyenId, baclieuId, caMauId]) {
      const res = await call(t.app, khom1, "GET", url(id));
      expect(res.statusCode, id).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    expect((await call(t.app, baclieu, "GET", url(otherAreaId))).statusCode).toBe(404);
  });

  it("gives a residential-area cadre its own, its ward's and its province's bodies, by unit", async () => {
    const res = await levelsOf(khom1, areaId);
    expect(res.orgUnitId).toBe(areaId);
    expect(res.levels.map((l) => [l.orgUnitName, l.orgUnitKind])).toEqual([
      ["Khóm 1", "residential_area"],
      ["Phường Bạc Liêu", "commune"],
      ["Tỉnh Cà Mau", "province"],
    ]);
    const [area, ward, province] = res.levels;
    expect(area!.bodies.map((b) => b.kind)).toEqual([
      "front",
      "farmers",
      "women",
      "veterans",
      "youth",
      "elderly",
      "grassroots_team",
    ]);
    expect(area!.bodies[0]!.name).toBe("Ban Công tác Mặt trận Khóm 1");
    expect(ward!.bodies).toHaveLength(10);
    expect(ward!.bodies.slice(0, 3).map((b) => b.name)).toEqual([
      "Ủy ban Mặt trận Tổ quốc Việt Nam Phường Bạc Liêu",
      "Công an Phường Bạc Liêu",
      "Ban Chỉ đạo phòng, chống tội phạm và phong trào Toàn dân bảo vệ an ninh Tổ quốc Phường Bạc Liêu",
    ]);
    expect(province!.bodies.map((b) => b.kind)).not.toContain("grassroots_team");
    expect(province!.bodies).toHaveLength(9);
    expect(province!.bodies.find((b) => b.kind === "police")?.id).toBe(
      await bodyAt(t.app.db, caMauId, "police"),
    );
  });

  it("offers exactly the bodies the activity accepts: a ward body co-organises an area's activity", async () => {
    const { levels } = await levelsOf(khom1, areaId);
    const [area, ward, province] = levels;
    const wardPolice = ward!.bodies.find((b) => b.kind === "police")!.id;
    expect(await record(khom1, areaId, [area!.bodies[0]!.id, wardPolice])).toEqual({
      status: 201,
      issues: undefined,
    });
    // Every body offered, level by level (at most 10 organisers per activity), is accepted.
    for (const level of [area!, ward!, province!]) {
      const res = await record(
        khom1,
        areaId,
        level.bodies.map((b) => b.id),
      );
      expect(res, level.orgUnitName).toEqual({ status: 201, issues: undefined });
    }
    // A body that is not offered (a neighbouring ward's) is refused with the activity's message.
    const foreign = await bodyAt(t.app.db, anxuyenId, "police");
    expect(await record(khom1, areaId, [wardPolice, foreign])).toEqual({
      status: 400,
      issues: [
        {
          path: "organizerBodyIds.1",
          message: "Đơn vị tổ chức phải thuộc đơn vị của hoạt động hoặc cấp trên",
        },
      ],
    });
  });

  it("for a pre-reform unit offers its old line and the current line it rolls up into", async () => {
    const ward2 = await formerUnit(t.app.db, "commune", "31813"); // Phường 2 (Bạc Liêu) → Phường Bạc Liêu
    const { levels } = await levelsOf(baclieu, ward2.id);
    const names = levels.map((l) => l.orgUnitName);
    expect(names[0]).toBe("Phường 2");
    expect(names).toEqual(
      expect.arrayContaining(["Thành phố Bạc Liêu", "Tỉnh Bạc Liêu", "Phường Bạc Liêu", "Tỉnh Cà Mau"]),
    );
    expect(names).toHaveLength(5);
    for (const level of levels) {
      const res = await record(
        baclieu,
        ward2.id,
        level.bodies.map((b) => b.id),
        "2025-03-01",
      );
      expect(res, level.orgUnitName).toEqual({ status: 201, issues: undefined });
    }
  });
});
