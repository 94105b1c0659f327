import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { rosterCryptoFor } from "../groups";
import { seedDemoHistory } from "./seed-history";

let t: TestContext;
let admin: Session;
/** The former Bạc Liêu city (district 954) and the former Bình Thuận province (60), valid until 30/06/2025. */
let city: string;
let binhThuan: string;

type TypeTotal = { typeCode: string; groups: number; members: number };
type GroupTotals = { at: string; items: TypeTotal[]; total: { groups: number; members: number } };

async function formerUnit(kind: string, code: string) {
  const [row] = await queryRows<{ id: string }>(
    t.app.db,
    sql`select id from org_units where kind = ${kind} and code = ${code} and valid_to is not null`,
  );
  return row!.id;
}

async function get<T>(url: string): Promise<T> {
  const res = await call(t.app, admin, "GET", `/api/v1${url}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const activityTotals = (unit: string, from: string, to: string, kind?: string) =>
  get<{ totals: Record<string, number> }>(
    `/activities/totals?orgUnitId=${unit}&from=${from}&to=${to}${kind ? `&kind=${kind}` : ""}`,
  ).then((r) => r.totals);

const groupTotals = (unit: string, at: string) =>
  get<GroupTotals>(`/groups/totals?orgUnitId=${unit}&at=${at}`);

/** Groups and members of these types in a totals answer. */
function ofTypes(totals: GroupTotals, ...types: string[]) {
  const items = totals.items.filter((i) => types.includes(i.typeCode));
  return [items.reduce((n, i) => n + i.groups, 0), items.reduce((n, i) => n + i.members, 0)];
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
  await seedDemoHistory(t.app.db, rosterCryptoFor(t.app));
  city = await formerUnit("district", "954");
  binhThuan = await formerUnit("province", "60");
});
afterAll(() => t.close());

describe("demo history from the seed articles, read through the API", () => {
  it("reproduces seed 004's activities for the former Bạc Liêu city", async () => {
    expect(await activityTotals(city, "2013-01-01", "2017-05-29", "propaganda_session")).toMatchObject({
      activities: 2669,
      attendees: 101_662,
    });
    expect(await activityTotals(city, "2013-01-01", "2017-05-29")).toMatchObject({
      panels: 65,
      slogans: 186,
      students: 24_120,
    });
  });

  it("reproduces seed 001's activities for the former Bình Thuận province", async () => {
    expect(await activityTotals(binhThuan, "2018-01-01", "2020-12-31")).toMatchObject({
      activities: 2970 + 112 + 156,
      leaflets: 28_000,
      broadcastItems: 156,
      // "156 tin với thời lượng 5.421 giờ": each item's airings × minutes an airing.
      broadcastHours: 5421,
    });
  });

  it("gives the former Bạc Liêu city's teams on 29/05/2017 as seed 004 counts them", async () => {
    const totals = await groupTotals(city, "2017-05-29");
    expect(totals.at).toBe("2017-05-29");
    expect(ofTypes(totals, "self_management_group", "people_security_group")).toEqual([817, 1157]);
    expect(ofTypes(totals, "security_board")).toEqual([18, 99]);
    expect(ofTypes(totals, "motorbike_taxi_group")).toEqual([17, 85]);
    expect(ofTypes(totals, "rental_house_group")).toEqual([405, 405]);
    expect(ofTypes(totals, "crime_prevention_team")).toEqual([7, 42]);
    const list = await get<{ items: { typeCode: string }[]; nextCursor: string | null }>(
      `/groups?orgUnitId=${city}&typeCode=security_board&limit=100`,
    );
    expect(list.items).toHaveLength(18);
    // Before the groups were set up, and by default its last day (30/06/2025).
    expect((await groupTotals(city, "2012-01-01")).total).toEqual({ groups: 0, members: 0 });
    const last = await get<GroupTotals>(`/groups/totals?orgUnitId=${city}`);
    expect(last.at).toBe("2025-06-30");
    expect(last.total).toEqual(totals.total);
    // A date after the unit ceased to exist is refused.
    const after = await call(t.app, admin, "GET", `/api/v1/groups/totals?orgUnitId=${city}&at=2025-07-01`);
    expect(after.statusCode).toBe(400);
  });

  it("gives the former Bình Thuận's 40 models under the former province, and under Lâm Đồng", async () => {
    const lamDong = (await unitByCode(t.app.db, "province", "68")).id;
    expect(ofTypes(await groupTotals(binhThuan, "2020-12-31"), "crime_drug_free_area")).toEqual([40, 0]);
    expect(ofTypes(await groupTotals(lamDong, "2020-12-31"), "crime_drug_free_area")).toEqual([40, 0]);
  });

  it("counts only the old subtree: a group set up in today's ward is not the former city's", async () => {
    const ward = (await unitByCode(t.app.db, "commune", "31825")).id; // Phường Bạc Liêu
    const caMau = (await unitByCode(t.app.db, "province", "96")).id;
    const before = (await groupTotals(caMau, "2017-05-29")).total;
    const created = await call(t.app, admin, "POST", "/api/v1/groups", {
      orgUnitId: ward,
      typeCode: "security_board",
      name: "Ban bảo vệ dân phố ghi sau",
      foundedOn: "2016-03-01",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await groupTotals(caMau, "2017-05-29")).total.groups).toBe(before.groups + 1);
    expect(ofTypes(await groupTotals(city, "2017-05-29"), "security_board")).toEqual([18, 99]);
    const list = await get<{ items: unknown[] }>(
      `/groups?orgUnitId=${city}&typeCode=security_board&limit=100`,
    );
    expect(list.items).toHaveLength(18);
  });

  it("lists and counts households and tips of the former city from its old subtree", async () => {
    const ward = (await unitByCode(t.app.db, "commune", "31825")).id;
    const area = await createResidentialArea(t.app.db, ward, "Khóm ghi sau");
    const created = await call(t.app, admin, "POST", "/api/v1/households", {
      orgUnitId: area,
      headName: "Lê Văn Ghi",
      address: "Số 9",
      members: 3,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await get<{ items: unknown[] }>(`/households?orgUnitId=${ward}`)).items).toHaveLength(1);
    expect((await get<{ items: unknown[] }>(`/households?orgUnitId=${city}`)).items).toHaveLength(0);
    expect(await get(`/households/coverage?orgUnitId=${city}&year=2017`)).toMatchObject({ households: 0 });
    expect(await get(`/tips/counts?orgUnitId=${city}`)).toMatchObject({ total: { value: 0 } });
    expect(
      await get(`/commendations/statistics?orgUnitId=${city}&from=2013-01-01&to=2017-05-29`),
    ).toMatchObject({ nominated: 0, decided: 0 });
    expect(await get(`/festivals/overview?orgUnitId=${city}&year=2016`)).toMatchObject({
      totals: { held: 0 },
    });
  });

  it("answers every indicator source for the former city at a date it existed", async () => {
    const codes = [
      "activities.count",
      "groups.count",
      "groups.members",
      "groups.teams",
      "reintegration.reeducated",
      "reintegration.helped",
      "reintegration.reformed",
      "tips.received",
      "tips.transferred",
      "feedback.received",
      "households.count",
      "festivals.held",
    ];
    const res = await get<{ totals: Record<string, number | null> }>(
      `/indicators/query?indicators=${codes.join(",")}&orgUnitId=${city}&from=2017-01-01&to=2017-05-29&at=2017-05-29`,
    );
    const totals = await groupTotals(city, "2017-05-29");
    expect(res.totals).toMatchObject({
      "groups.count": totals.total.groups,
      "groups.members": totals.total.members,
      "reintegration.reeducated": 0,
      "reintegration.helped": 0,
      "reintegration.reformed": 0,
      "tips.received": 0,
      "tips.transferred": 0,
      "feedback.received": 0,
      "households.count": 0,
      "festivals.held": 0,
    });
    expect(res.totals["groups.count"]).toBe(817 + 18 + 17 + 405 + 7);
    expect(res.totals["activities.count"]).toBeGreaterThan(0);
    const models = await get<{ totals: Record<string, number | null> }>(
      `/indicators/query?indicators=groups.models&orgUnitId=${binhThuan}&from=2020-01-01&to=2020-12-31&at=2020-12-31`,
    );
    expect(models.totals["groups.models"]).toBe(40);
  });

  it("draws the former city's dashboard for 2017 from its old subtree, with its communes of the time", async () => {
    type Dashboard = {
      tiles: { code: string; value: number | null }[];
      trend: { month: string; values: Record<string, number> }[];
      children: { id: string; values: Record<string, number | null> }[];
    };
    const d = await get<Dashboard>(`/dashboard?orgUnitId=${city}&year=2017`);
    const tile = (code: string) => d.tiles.find((x) => x.code === code)!.value;
    const acts = await activityTotals(city, "2017-01-01", "2017-12-31");
    expect(tile("activities.count")).toBe(acts.activities);
    expect(acts.activities).toBeGreaterThan(0);
    expect(tile("groups.count")).toBe((await groupTotals(city, "2017-12-31")).total.groups);
    expect(tile("groups.count")).toBe(817 + 18 + 17 + 405 + 7);
    expect(d.trend.reduce((n, m) => n + m.values["activities.count"]!, 0)).toBe(acts.activities);
    expect(d.children).toHaveLength(10);
    expect(d.children.reduce((n, c) => n + (c.values["activities.count"] ?? 0), 0)).toBe(acts.activities);
    const gone = await call(t.app, admin, "GET", `/api/v1/dashboard?orgUnitId=${city}&year=2026`);
    expect(gone.statusCode).toBe(400);
  });

  it("answers the case statistics of the former city through its own path", async () => {
    const res = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/cases/statistics?orgUnitId=${city}&period=year&key=2017`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ figures: Record<string, number | null> }>().figures.underManagement).toBe(0);
  });

  it("rolls the old records up into today's Cà Mau and Lâm Đồng", async () => {
    const id = async (code: string) => (await unitByCode(t.app.db, "province", code)).id;
    expect(
      await activityTotals(await id("96"), "2013-01-01", "2017-12-31", "propaganda_session"),
    ).toMatchObject({
      activities: 2669,
      attendees: 101_662,
    });
    expect(
      await activityTotals(await id("68"), "2018-01-01", "2020-12-31", "propaganda_session"),
    ).toMatchObject({
      activities: 2970,
    });
  });
});
