import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { foldActivityRollups } from "../activities";
import { bodyAt, formerUnit } from "../activities/test-fixtures";
import { prng } from "../../kernel/prng";
import { period, prefix, recountActivities, unitPathOf } from "./indicators.test-support";

let t: TestContext;
let admin: Session;
let rootId: string;
let caMauId: string;

type Dashboard = {
  tiles: { code: string; value: number }[];
  children: { id: string; name: string; values: Record<string, number> }[];
};

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  rootId = (await rootUnit(db)).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  const hanoiId = (await unitByCode(db, "province", "01")).id;
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  const areaId = await createResidentialArea(db, baclieuId, "Khóm Xếp hạng");
  const ward2 = (await formerUnit(db, "commune", "31813")).id; // Phường 2 → Phường Bạc Liêu
  admin = await signedInAs(t.app, "system_admin", rootId);
  const sites = [
    { unit: caMauId, body: await bodyAt(db, caMauId, "front") },
    { unit: hanoiId, body: await bodyAt(db, hanoiId, "front") },
    { unit: baclieuId, body: await bodyAt(db, baclieuId, "women") },
    { unit: areaId, body: await bodyAt(db, areaId, "front") },
    { unit: anxuyenId, body: await bodyAt(db, anxuyenId, "youth") },
    { unit: ward2, body: await bodyAt(db, caMauId, "police"), before: true },
  ];
  const rnd = prng(19);
  const int = (n: number) => Math.floor(rnd() * n);
  const ids: string[] = [];
  // Part of the records folded into the rollups, the rest (and an edit and a deletion) still pending.
  for (let i = 0; i < 40; i += 1) {
    if (i === 25) await foldActivityRollups(db);
    const site = sites[i % sites.length]!;
    const month = site.before ? 1 + int(6) : 1 + int(12);
    const res = await call(t.app, admin, "POST", "/api/v1/activities", {
      orgUnitId: site.unit,
      kind: ["meeting", "training", "propaganda_session"][int(3)],
      date: `2025-${String(month).padStart(2, "0")}-${String(1 + int(28)).padStart(2, "0")}`,
      organizerBodyIds: [site.body],
      topics: [],
      attendees: int(300),
      students: int(50),
      leaflets: int(100),
      broadcastHours: int(300) / 100,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
  const edit = await call(t.app, admin, "PATCH", `/api/v1/activities/${ids[2]}`, { attendees: 7 });
  expect(edit.statusCode, edit.body).toBe(200);
  // Moved out of the year (one already folded, one pending): no longer in the 2025 figures.
  for (const id of [ids[1], ids[30]]) {
    const moved = await call(t.app, admin, "PATCH", `/api/v1/activities/${id}`, { date: "2024-12-31" });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  expect((await call(t.app, admin, "DELETE", `/api/v1/activities/${ids[4]}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe("getDashboard children", () => {
  it("gives the country, a province and each of their children the activity figures of a recount", async () => {
    const db = t.app.db;
    const year = period("2025-01-01", "2025-12-31");
    const recount = async (id: string) =>
      recountActivities(db, sql`${prefix(await unitPathOf(db, id))} and ${year}`);
    const codes = Object.keys(await recountActivities(db, sql`false`));
    for (const unitId of [rootId, caMauId]) {
      const res = await call(t.app, admin, "GET", `/api/v1/dashboard?orgUnitId=${unitId}&year=2025`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json<Dashboard>();
      const own = await recount(unitId);
      // Hours have two decimals: summed over months and children, they equal the recount exactly.
      for (const code of codes) {
        expect(d.tiles.find((x) => x.code === code)!.value, code).toBe(own[code]);
      }
      let withRecords = 0;
      for (const c of d.children) {
        const expected = await recount(c.id);
        if (expected["activities.count"]! > 0) withRecords += 1;
        for (const code of codes) expect(c.values[code], `${c.name} ${code}`).toBe(expected[code]);
      }
      expect(withRecords, "several children with records").toBeGreaterThanOrEqual(2);
    }
  });
});
