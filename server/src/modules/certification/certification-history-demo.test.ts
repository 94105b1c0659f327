import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { seedCertificationHistoryDemo } from "./certification.history-demo";
import { buildWorld, helpers, type World } from "./test-support";

// Seed 004: "94 % khóm, ấp; trên 90 % xã, phường và 98 % đến 100 % cơ quan, doanh nghiệp" of the
// former Bạc Liêu city.
let w: World;
const h = helpers(() => w);
let caMauPolice: Session;
let city: string;

type Group = { recorded: number; certified: number; rate: number | null };
type Rates = { years: { year: number; residential_area: Group; commune: Group; agency: Group }[] };

const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(w.t.app.db, q))[0]!.n;
const formerLocalUnits = sql`select count(*)::int as n from org_units u join org_units p on p.id = u.parent_id
  where not u.is_official and p.valid_to is not null`;
const history = sql`select count(*)::int as n from certification_history`;

beforeAll(async () => {
  w = await buildWorld();
  const province = await unitByCode(w.t.app.db, "province", "96");
  caMauPolice = await signedInAs(w.t.app, "province_police", province.id);
  const [row] = await queryRows<{ id: string }>(
    w.t.app.db,
    sql`select id from org_units where kind = 'district' and code = '954' and valid_to is not null`,
  );
  city = row!.id;
  await seedCertificationHistoryDemo(w.t.app.db, w.areaId);
});
afterAll(() => w.t.close());

describe("demo khóm, ấp and agencies of the former Bạc Liêu city, 2013–2017", () => {
  it("gives 94 % of khóm, ấp, above 90 % of communes and 98–100 % of agencies each year", async () => {
    const rates = (await h.ok(caMauPolice, "GET", `/certification/history/rates?orgUnitId=${city}`)) as Rates;
    expect(rates.years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2021, 2022, 2023]);
    const review = rates.years.filter((y) => y.year <= 2017);
    for (const y of review) {
      expect(y.residential_area).toEqual({ recorded: 50, certified: 47, rate: 0.94 });
      // Above 90 % of ten communes and wards: all ten.
      expect(y.commune).toEqual({ recorded: 10, certified: 10, rate: 1 });
      expect(y.commune.rate).toBeGreaterThan(0.9);
      expect(y.agency.recorded).toBe(50);
      expect(y.agency.rate).toBeGreaterThanOrEqual(0.98);
      expect(y.agency.rate).toBeLessThanOrEqual(1);
    }
    expect(review.map((y) => y.agency.certified)).toEqual([49, 49, 50, 49, 50]);
  });

  it("counts them in the overview and the indicators of the year", async () => {
    const o = (await h.ok(caMauPolice, "GET", `/certification/overview?orgUnitId=${city}&year=2016`)) as {
      recordedResults: number;
      byStatus: Record<string, number>;
    };
    expect(o.recordedResults).toBe(110);
    expect(o.byStatus).toEqual({ recognised: 10 + 47 + 49, not_recognised: 4 });
    const admin = await signedInAs(
      w.t.app,
      "system_admin",
      (await unitByCode(w.t.app.db, "province", "96")).id,
    );
    const res = await h.api(
      admin,
      "GET",
      `/indicators/query?indicators=certification.residential_area_rate,certification.commune_rate,certification.agency_rate&orgUnitId=${city}&from=2016-01-01&to=2016-12-31&at=2016-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ totals: Record<string, number | null> }>().totals).toMatchObject({
      "certification.residential_area_rate": 0.94,
      "certification.commune_rate": 1,
      "certification.agency_rate": 0.98,
    });
  });

  it("keeps them as local units of the former communes, ended with them, and seeds once", async () => {
    const areas = await queryRows<{ name: string; validTo: string | null; type: string | null }>(
      w.t.app.db,
      sql`select u.name, u.valid_to::text as "validTo", u.type from org_units u
          join org_units p on p.id = u.parent_id
          where u.kind = 'residential_area' and p.code = any(${sql.param(["31825", "31837"])}::text[])
            and p.valid_to is not null order by p.code, u.name`,
    );
    expect(areas.map((a) => a.name)).toEqual([
      ...["Khóm 1", "Khóm 2", "Khóm 3", "Khóm 4", "Khóm 5"],
      ...["Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp 5"],
    ]);
    expect(new Set(areas.map((a) => a.validTo))).toEqual(new Set(["2025-06-30"]));
    // Not today's units: Phường Bạc Liêu's current residential areas do not include them.
    const ward = await unitByCode(w.t.app.db, "commune", "31825");
    const current = await count(
      sql`select count(*)::int as n from org_units where valid_to is null and kind = 'residential_area'
          and path like ${`${ward.path}%`} and name in ('Khóm 2', 'Khóm 3', 'Khóm 4', 'Khóm 5')`,
    );
    expect(current).toBe(0);
    const before = [await count(formerLocalUnits), await count(history)];
    expect(before[0]).toBe(100);
    await seedCertificationHistoryDemo(w.t.app.db, w.areaId);
    expect([await count(formerLocalUnits), await count(history)]).toEqual(before);
  });
});

type HistoryItem = { orgUnitId: string; unitType: string; certified: boolean };

/** Every recorded result of a year under a unit, read page by page through the API. */
async function historyOf(orgUnitId: string, year: number): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  do {
    const page = (await h.ok(
      caMauPolice,
      "GET",
      `/certification/history?orgUnitId=${orgUnitId}&year=${year}&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
    )) as { items: HistoryItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const GROUPS = {
  "certification.residential_area_rate": ["residential_area"],
  "certification.commune_rate": ["commune"],
  "certification.agency_rate": ["agency", "enterprise", "school"],
} as const;

/** The rates of a past year recounted by hand: units of the year's tree, certified results of the list. */
async function recount(unitsSql: ReturnType<typeof sql>, items: HistoryItem[]) {
  const units = await queryRows<{ id: string; kind: string }>(w.t.app.db, unitsSql);
  const ids = new Set(units.map((u) => u.id));
  const out: Record<string, number | null> = {};
  for (const [code, kinds] of Object.entries(GROUPS)) {
    const of = units.filter((u) => (kinds as readonly string[]).includes(u.kind));
    const results = items.filter(
      (i) => ids.has(i.orgUnitId) && (kinds as readonly string[]).includes(i.unitType),
    );
    const certified = results.filter((i) => i.certified).length;
    out[code] = results.length === 0 ? null : Math.round((certified / of.length) * 10_000) / 10_000;
  }
  return out;
}

/** `at`: the date a former unit is asked at (today's units are asked without one, as plans do). */
async function indicatorTotals(orgUnitId: string, year: number, at = true) {
  const res = await h.api(
    w.admin,
    "GET",
    `/indicators/query?indicators=${Object.keys(GROUPS).join(",")}&orgUnitId=${orgUnitId}&from=${year}-01-01&to=${year}-12-31${at ? `&at=${year}-12-31` : ""}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ totals: Record<string, number | null> }>().totals;
}

describe("past years' rates (plan 279/KH-MTTQ-BCA, 2021–2023)", () => {
  it("at the former city, equal a recount of the units it had and the results recorded there", async () => {
    const [old] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${city}`,
    );
    for (const year of [2021, 2022, 2023]) {
      const items = await historyOf(city, year);
      expect(items.length).toBe(110);
      const expected = await recount(
        sql`select id, kind from org_units where path like ${`${old!.path}%`}
              and kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
              and (valid_to is null or valid_to >= ${`${year}-01-01`}::date)`,
        items,
      );
      expect(Object.values(expected).every((v) => v !== null && v > 0.8)).toBe(true);
      expect(await indicatorTotals(city, year)).toMatchObject(expected);
    }
  });

  it("at today's Cà Mau, count the units of that year's tree rolling up into it, not today's", async () => {
    const province = await unitByCode(w.t.app.db, "province", "96");
    const year = 2022;
    const items = await historyOf(province.id, year);
    // The former city's 110 units and today's Khóm 1 of Phường Bạc Liêu.
    expect(items.length).toBe(111);
    const expected = await recount(
      sql`select id, kind from org_units where rollup_path like ${`${province.path}%`}
            and kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
            and (valid_to is null or valid_to >= ${`${year}-12-31`}::date)
            and (not is_official or valid_from is null or valid_from <= ${`${year}-12-31`}::date)`,
      items,
    );
    // Before the reform: the communes of the former Bạc Liêu and Cà Mau provinces, none of today's.
    const communes = await count(
      sql`select count(*)::int as n from org_units where kind = 'commune' and valid_to = '2025-06-30'
            and rollup_path like ${`${province.path}%`}`,
    );
    expect(expected["certification.commune_rate"]).toBe(Math.round((10 / communes) * 10_000) / 10_000);
    expect(expected["certification.residential_area_rate"]).toBe(Math.round((48 / 51) * 10_000) / 10_000);
    expect(await indicatorTotals(province.id, year, false)).toMatchObject(expected);
  });
});
