import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { api, buildCaseWorld, type CaseWorld } from "./test-support";
import { seedDemoCases } from "./demo-cases";
import { HELP_HISTORY } from "./demo-case-history";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
  const [ward] = await queryRows<{ id: string; path: string; provinceId: string | null }>(
    w.t.app.db,
    sql`select id, path, province_id as "provinceId" from org_units where id = ${w.ward}`,
  );
  const area = { id: w.area, path: `${ward!.path}${w.area}/`, provinceId: ward!.provinceId };
  await seedDemoCases(w.t.app.db, w.t.app.config.masterKeyFile, ward!, area);
});
afterAll(() => w.t.close());

type Figures = Record<string, number>;
const stats = async (period: string, key: string, unit?: string) => {
  const res = await api(
    w,
    w.as.provincePolice,
    "GET",
    `/cases/statistics?orgUnitId=${unit ?? w.province}&period=${period}&key=${key}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ figures: Figures }>().figures;
};
const sum = (list: Figures[], k: string) => list.reduce((n, f) => n + (f[k] ?? 0), 0);

describe("demo help history of the former Bạc Liêu city and province", () => {
  it("the statistics give seed 004's 956 instances received and 571 reformed, 01/2013 – 04/2017", async () => {
    const periods = await Promise.all([
      stats("year", "2013"),
      stats("year", "2014"),
      stats("year", "2015"),
      stats("year", "2016"),
      stats("quarter", "2017-Q1"),
      stats("month", "2017-04"),
    ]);
    expect(sum(periods, "helpInstances")).toBe(HELP_HISTORY.instances);
    expect(sum(periods, "reformedInstances")).toBe(HELP_HISTORY.reformed);
    expect(HELP_HISTORY).toMatchObject({ instances: 956, reformed: 571, communityEducated: 97 });
    // Nothing of it outside the period.
    expect((await stats("month", "2017-05")).helpInstances).toBe(0);
    expect((await stats("year", "2012")).helpInstances).toBe(0);
  });

  it("a pre-reform unit answers from its own old subtree: the former city, not its neighbour", async () => {
    const old = async (code: string, kind: string) =>
      (
        await queryRows<{ id: string }>(
          w.t.app.db,
          sql`select id from org_units where code = ${code} and kind = ${kind} and valid_to is not null`,
        )
      )[0]!.id;
    const city = await old("954", "district");
    const periods = await Promise.all(
      [
        ["year", "2013"],
        ["year", "2014"],
        ["year", "2015"],
        ["year", "2016"],
        ["quarter", "2017-Q1"],
        ["month", "2017-04"],
      ].map(([p, k]) => stats(p!, k!, city)),
    );
    expect(sum(periods, "helpInstances")).toBe(956);
    expect(sum(periods, "reformedInstances")).toBe(571);
    expect((await stats("year", "2015", await old("956", "district"))).helpInstances).toBe(0);
    expect((await stats("year", "2019", await old("95", "province"))).communityEducated).toBe(97);
  });

  it("counts people apart from instances: some people were received more than once", async () => {
    const [r] = await queryRows<{
      persons: number;
      instances: number;
      repeat: number;
      communes: number;
      months: number;
    }>(
      w.t.app.db,
      sql`select count(distinct i.case_id)::int as persons, count(*)::int as instances,
            (select count(*) from (select case_id from case_help_instances group by case_id having count(*) > 1) x)::int as repeat,
            count(distinct c.org_unit_id)::int as communes, count(distinct to_char(i.received_on, 'YYYY-MM'))::int as months
          from case_help_instances i join cases c on c.id = i.case_id
          join org_units u on u.id = c.org_unit_id
          where u.path like (select path || '%' from org_units where code = '954' and kind = 'district')`,
    );
    expect(r!.instances).toBe(956);
    expect(r!.persons).toBeLessThan(956);
    expect(r!.repeat).toBeGreaterThan(50);
    expect(r!.communes).toBeGreaterThanOrEqual(8);
    expect(r!.months).toBeGreaterThan(40);
    const year = await Promise.all(["2013", "2014", "2015", "2016"].map((y) => stats("year", y)));
    expect(sum(year, "helpPersons")).toBeGreaterThanOrEqual(r!.persons);
    // No instance of a person overlaps the next: each reception on or after the previous outcome.
    const [overlap] = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from case_help_instances a join case_help_instances b
            on a.case_id = b.case_id and a.id <> b.id and a.received_on < b.received_on and b.received_on < a.outcome_on`,
    );
    expect(overlap!.n).toBe(0);
  });

  it("seed 000's 97 people educated before the community in 2019, in the former Bạc Liêu province", async () => {
    const f = await stats("year", "2019");
    expect(f.communityEducated).toBe(HELP_HISTORY.communityEducated);
    const [r] = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(distinct s.case_id)::int as n from case_community_sessions s
          join cases c on c.id = s.case_id join org_units u on u.id = c.org_unit_id
          where u.path like (select path || '%' from org_units where code = '95' and kind = 'province')
            and s.held_on between '2019-01-01' and '2019-12-31'`,
    );
    expect(r!.n).toBe(97);
  });

  it("the sealed fields open with the app's keys", async () => {
    const list = await api(w, w.as.police, "GET", "/cases?kind=social_evil&status=closed");
    const item = list.json<{ items: { id: string; fullName: string }[] }>().items[0];
    expect(item, list.body).toBeDefined();
    const file = await api(w, w.as.police, "GET", `/cases/${item!.id}?reason=Ki%E1%BB%83m%20tra%20demo`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json<{ helpInstances: unknown[]; notes: string }>()).toMatchObject({
      notes: "Dữ liệu minh họa",
    });
    expect(file.json<{ helpInstances: unknown[] }>().helpInstances.length).toBeGreaterThan(0);
  });
});
