import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { seedCertificationHistoryDemo } from "./certification.history-demo";
import { buildWorld, helpers, type World } from "./test-support";

// Seed 004: "94 % khóm, ấp; … 98 % đến 100 % cơ quan, doanh nghiệp" of the former Bạc Liêu city.
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
  await seedCertificationHistoryDemo(w.t.app.db);
});
afterAll(() => w.t.close());

describe("demo khóm, ấp and agencies of the former Bạc Liêu city, 2013–2017", () => {
  it("gives 94 % of khóm, ấp and 98–100 % of agencies each year", async () => {
    const rates = (await h.ok(caMauPolice, "GET", `/certification/history/rates?orgUnitId=${city}`)) as Rates;
    expect(rates.years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017]);
    for (const y of rates.years) {
      expect(y.residential_area).toEqual({ recorded: 50, certified: 47, rate: 0.94 });
      expect(y.commune).toEqual({ recorded: 10, certified: 9, rate: 0.9 });
      expect(y.agency.recorded).toBe(50);
      expect(y.agency.rate).toBeGreaterThanOrEqual(0.98);
      expect(y.agency.rate).toBeLessThanOrEqual(1);
    }
    expect(rates.years.map((y) => y.agency.certified)).toEqual([49, 49, 50, 49, 50]);
  });

  it("counts them in the overview and the indicators of the year", async () => {
    const o = (await h.ok(caMauPolice, "GET", `/certification/overview?orgUnitId=${city}&year=2016`)) as {
      recordedResults: number;
      byStatus: Record<string, number>;
    };
    expect(o.recordedResults).toBe(110);
    expect(o.byStatus).toEqual({ recognised: 9 + 47 + 49, not_recognised: 5 });
    const admin = await signedInAs(
      w.t.app,
      "system_admin",
      (await unitByCode(w.t.app.db, "province", "96")).id,
    );
    const res = await h.api(
      admin,
      "GET",
      `/indicators/query?indicators=certification.residential_area_rate,certification.agency_rate&orgUnitId=${city}&from=2016-01-01&to=2016-12-31&at=2016-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ totals: Record<string, number | null> }>().totals).toMatchObject({
      "certification.residential_area_rate": 0.94,
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
    await seedCertificationHistoryDemo(w.t.app.db);
    expect([await count(formerLocalUnits), await count(history)]).toEqual(before);
  });
});
