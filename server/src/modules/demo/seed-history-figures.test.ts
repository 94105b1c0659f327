import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, login, type Session, type TestContext } from "../../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { DEMO_PASSWORD, seedDemo } from "./seed-demo";

// The whole demo, seeded once; every figure of the seed articles is read back through the API.
let t: TestContext;
let admin: Session;
let caMau: Session;

/** A former unit (valid until 30/06/2025) by kind and code: only its id, to ask the API about it. */
async function formerUnit(kind: string, code: string): Promise<string> {
  const [u] = await queryRows<{ id: string }>(
    t.app.db,
    sql`select id from org_units where kind = ${kind} and code = ${code} and valid_to is not null`,
  );
  return u!.id;
}

type Result = {
  totals: Record<string, number | null>;
  groups?: { key: string; values: Record<string, number | null> }[];
};

async function indicators(
  unitId: string,
  codes: string[],
  from: string,
  to: string,
  groupBy?: string,
  former = true,
): Promise<Result> {
  const q = new URLSearchParams({ indicators: codes.join(","), orgUnitId: unitId, from, to });
  if (groupBy) q.set("groupBy", groupBy);
  // A former unit is asked about in the tree of the period's last day, when it existed.
  if (former) q.set("at", to);
  const res = await call(t.app, admin, "GET", `/api/v1/indicators/query?${q.toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const byKind = (r: Result, kind: string) => r.groups!.find((g) => g.key === kind)!.values;

type PlanItem = { id: string; number: string; orgUnitId: string; orgUnitName: string };

async function plans(session: Session): Promise<PlanItem[]> {
  const res = await call(t.app, session, "GET", "/api/v1/plans?limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
  await seedDemo(t.app.db, { masterKeyFile: t.app.config.masterKeyFile });
  caMau = await login(t.app, "camau.mttq", DEMO_PASSWORD);
}, 600_000);
afterAll(() => t.close());

describe("seed 000: the former Bạc Liêu province, 2019–2020", () => {
  it("578 sessions with 17.350 attendances from 08/4/2019 to the article", async () => {
    const r = await indicators(
      await formerUnit("province", "95"),
      ["activities.count", "activities.attendees"],
      "2019-04-08",
      "2020-03-18",
    );
    expect(r.totals).toMatchObject({ "activities.count": 578, "activities.attendees": 17_350 });
  });

  it("plans 165–168 and 156/KH-MTTQ at the former province, implementing Đề án 01-138", async () => {
    const items = await plans(caMau);
    const numbers = items.map((p) => p.number);
    for (const n of ["165", "166", "167", "168", "156/KH-MTTQ", "20-CTr/TU"]) expect(numbers).toContain(n);
    const p165 = items.find((p) => p.number === "165")!;
    expect(p165.orgUnitId).toBe(await formerUnit("province", "95"));
    const detail = (await call(t.app, caMau, "GET", `/api/v1/plans/${p165.id}`)).json();
    expect(detail).toMatchObject({ issuedOn: "2019-04-08", sources: [{ number: "156/KH-MTTQ" }] });
    const sources = (await call(t.app, caMau, "GET", "/api/v1/plan-sources?limit=100")).json().items;
    const kh156 = sources.find((s: { number: string }) => s.number === "156/KH-MTTQ");
    expect(kh156).toMatchObject({ kind: "ke_hoach", implements: { number: "01-138" }, planCount: 4 });
  });
});

describe("seed 004: the former Bạc Liêu city, 2013 – April 2017", () => {
  it("prints the five-year review's figures from individual records", async () => {
    const city = await formerUnit("district", "954");
    const r = await indicators(
      city,
      ["activities.count", "activities.attendees", "activities.households", "activities.students"],
      "2013-01-01",
      "2017-04-30",
      "kind",
    );
    expect(byKind(r, "propaganda_session")).toMatchObject({
      "activities.count": 2669,
      "activities.attendees": 101_662,
    });
    // "gần 1.000 cuộc với trên 25.000 lượt hộ", "trên 24.000 lượt học sinh": rounded in the article.
    const meetings = byKind(r, "meeting");
    expect(meetings["activities.count"]).toBeGreaterThan(950);
    expect(meetings["activities.count"]).toBeLessThan(1000);
    expect(meetings["activities.households"]).toBeGreaterThan(25_000);
    expect(byKind(r, "school_session")["activities.students"]).toBeGreaterThan(24_000);
    const panels = await indicators(
      city,
      ["activities.panels", "activities.slogans"],
      "2013-01-01",
      "2017-04-30",
    );
    expect(panels.totals).toMatchObject({ "activities.panels": 65, "activities.slogans": 186 });
  });

  it("the certification history gives above 90 % of communes and wards certified each year of 2013–2017", async () => {
    const caMauId = (await unitByCode(t.app.db, "province", "96")).id;
    const res = await call(t.app, caMau, "GET", `/api/v1/certification/history/rates?orgUnitId=${caMauId}`);
    expect(res.statusCode, res.body).toBe(200);
    const all: { year: number; commune: { rate: number | null } }[] = res.json().years;
    // 2021–2023 are the demo's results for plan 279 (seed 002), not this review's.
    expect(all.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2021, 2022, 2023]);
    // "trên 90 % xã, phường": of the former city's ten communes and wards, above 90 % is all ten.
    const city = await formerUnit("district", "954");
    for (const year of [2013, 2014, 2015, 2016, 2017]) {
      const r = await indicators(city, ["certification.commune_rate"], `${year}-01-01`, `${year}-12-31`);
      expect(r.totals["certification.commune_rate"], String(year)).toBeGreaterThan(0.9);
    }
    const rates = await call(t.app, caMau, "GET", `/api/v1/certification/history/rates?orgUnitId=${city}`);
    const years: { year: number; commune: { recorded: number; certified: number } }[] = rates.json().years;
    for (const y of years.filter((y) => y.year <= 2017)) {
      expect(y.commune).toMatchObject({ recorded: 10, certified: 10 });
    }
  });

  it("94 % of khóm, ấp and 98–100 % of agencies, enterprises and schools certified each year", async () => {
    const city = await formerUnit("district", "954");
    const res = await call(t.app, caMau, "GET", `/api/v1/certification/history/rates?orgUnitId=${city}`);
    expect(res.statusCode, res.body).toBe(200);
    type Group = { recorded: number; certified: number; rate: number | null };
    const all: { year: number; residential_area: Group; agency: Group }[] = res.json().years;
    const years = all.filter((y) => y.year <= 2017);
    expect(years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017]);
    for (const y of years) {
      expect(y.residential_area.rate).toBe(0.94);
      expect(y.agency.rate).toBeGreaterThanOrEqual(0.98);
      expect(y.agency.rate).toBeLessThanOrEqual(1);
    }
    const overview = await call(
      t.app,
      caMau,
      "GET",
      `/api/v1/certification/overview?orgUnitId=${city}&year=2015`,
    );
    expect(overview.statusCode, overview.body).toBe(200);
    const y2015 = years.find((y) => y.year === 2015)!;
    expect(overview.json().byStatus.recognised).toBe(
      10 + y2015.residential_area.certified + y2015.agency.certified,
    );
    const r = await indicators(
      city,
      ["certification.residential_area_rate", "certification.agency_rate"],
      "2017-01-01",
      "2017-12-31",
    );
    expect(r.totals["certification.residential_area_rate"]).toBe(0.94);
    expect(r.totals["certification.agency_rate"]).toBeGreaterThanOrEqual(0.98);
  });

  it("Programme 20-CTr/TU implements Directive 09-CT/TW, with its five-year review", async () => {
    const p20 = (await plans(caMau)).find((p) => p.number === "20-CTr/TU")!;
    expect(p20.orgUnitId).toBe(await formerUnit("district", "954"));
    const detail = (await call(t.app, caMau, "GET", `/api/v1/plans/${p20.id}`)).json();
    expect(detail).toMatchObject({
      issuedOn: "2012-12-28",
      periodFrom: 2013,
      periodTo: 2017,
      sources: [{ number: "09-CT/TW", issuer: "Ban Bí thư (khóa XI)", kind: "chi_thi" }],
      reviews: [{ kind: "five_year", year: 2017, reviewedOn: "2017-05-29", source: { number: "09-CT/TW" } }],
    });
    const sources = (await call(t.app, caMau, "GET", "/api/v1/plan-sources?q=20-CTr")).json().items;
    expect(sources).toMatchObject([
      { number: "20-CTr/TU", issuer: "Ban Thường vụ Thành ủy Bạc Liêu", implements: { number: "09-CT/TW" } },
    ]);
  });
});

describe("seed 001: the former Bình Thuận province, 2018–2020", () => {
  it("2.970 sessions with about 1 million attendances, 28.000 leaflets, 156 tin over 5.421 giờ", async () => {
    const r = await indicators(
      await formerUnit("province", "60"),
      [
        "activities.count",
        "activities.attendees",
        "activities.leaflets",
        "activities.broadcast_items",
        "activities.broadcast_hours",
      ],
      "2018-01-01",
      "2020-12-31",
      "kind",
    );
    const sessions = byKind(r, "propaganda_session");
    expect(sessions["activities.count"]).toBe(2970);
    // "khoảng 1 triệu": a recorded total that rounds to one million, not a round number.
    expect(Math.round(sessions["activities.attendees"]! / 100_000) / 10).toBe(1);
    expect(sessions["activities.attendees"]).not.toBe(1_000_000);
    expect(r.totals["activities.leaflets"]).toBe(28_000);
    expect(r.totals["activities.broadcast_items"]).toBe(156);
    expect(r.totals["activities.broadcast_hours"]).toBe(5421);
    expect(byKind(r, "broadcast")).toMatchObject({
      "activities.count": 156,
      "activities.broadcast_items": 156,
      "activities.broadcast_hours": 5421,
    });
  });

  it("every broadcast is one item whose hours are its airings × minutes an airing", async () => {
    const [b] = await queryRows<{
      n: number;
      notOne: number;
      computed: number;
      minMinutes: number;
      maxMinutes: number;
      maxAirings: number;
      minAirings: number;
    }>(
      t.app.db,
      sql`select count(*)::int as n, count(*) filter (where broadcast_items <> 1)::int as "notOne",
            count(*) filter (where broadcast_airings > 0
              and broadcast_hours = round(broadcast_airings::numeric * broadcast_minutes / 60, 2))::int as computed,
            min(broadcast_minutes)::int as "minMinutes", max(broadcast_minutes)::int as "maxMinutes",
            min(broadcast_airings)::int as "minAirings", max(broadcast_airings)::int as "maxAirings"
          from activities where kind = 'broadcast' and notes like '%Bình Thuận%'`,
    );
    expect(b!.n).toBe(156);
    expect(b!.notOne).toBe(0);
    expect(b!.computed).toBe(156);
    // What a commune's loudspeakers carry: 10 to 30 minutes an airing, tens to a few hundred airings.
    expect(b!.minMinutes).toBeGreaterThanOrEqual(10);
    expect(b!.maxMinutes).toBeLessThanOrEqual(30);
    expect(b!.minAirings).toBeGreaterThanOrEqual(40);
    expect(b!.maxAirings).toBeLessThanOrEqual(400);
  });

  it("tips passed on by the Front solved 108 cases, 145 arrests, 781 people dealt with", async () => {
    const lamDong = (await unitByCode(t.app.db, "province", "68")).id;
    const r = await indicators(
      lamDong,
      ["tips.solved", "tips.arrests", "tips.people_handled"],
      "2018-01-01",
      "2020-12-31",
      undefined,
      false,
    );
    expect(r.totals).toMatchObject({
      "tips.solved": 108,
      "tips.arrests": 145,
      "tips.people_handled": 781,
    });
    // The same figures under the former province they were received in.
    const former = await indicators(
      await formerUnit("province", "60"),
      ["tips.solved", "tips.arrests", "tips.people_handled"],
      "2018-01-01",
      "2020-12-31",
    );
    expect(former.totals).toEqual(r.totals);
    // Lâm Đồng's police read them, with the record the Front cadre made when passing each on.
    const police = await signedInAs(t.app, "province_police", lamDong);
    const list = await call(t.app, police, "GET", "/api/v1/tips?status=case_opened&limit=200");
    expect(list.statusCode, list.body).toBe(200);
    const items: { id: string; status: string }[] = list.json().items;
    expect(items).toHaveLength(108);
    expect(items.every((x) => x.status === "case_opened")).toBe(true);
    const tip = (await call(t.app, police, "GET", `/api/v1/tips/${items[0]!.id}`)).json();
    expect(tip).toMatchObject({ channel: "cadre", outcome: "case_opened", casesSolved: 1 });
    expect(tip.intake).toMatchObject({ recordedByCadre: true, anonymous: true });
  });
});

describe("seed 002: plan 279/KH-MTTQ-BCA", () => {
  it("is the national plan of the Front's Central Committee and the Ministry, with computed progress", async () => {
    const p279 = (await plans(admin)).find((p) => p.number === "279/KH-MTTQ-BCA")!;
    expect(p279.orgUnitId).toBe((await rootUnit(t.app.db)).id);
    const detail = (await call(t.app, admin, "GET", `/api/v1/plans/${p279.id}`)).json();
    expect(detail.issuers.map((i: { name: string }) => i.name).sort()).toEqual([
      "Bộ Công an",
      "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    ]);
    const progress = (await call(t.app, admin, "GET", `/api/v1/plans/${p279.id}/progress`)).json();
    const commitments = progress.targets.filter(
      (x: { indicator: string }) => x.indicator === "households.member_commitment_rate",
    );
    expect(commitments).toHaveLength(3);
    for (const c of commitments) {
      expect(c.actual).toBeGreaterThan(0.8);
      expect(["met", "not_met"]).toContain(c.status);
    }
    // Certification targets: counted over the units of each year's tree (pre-reform) with their
    // recorded results — the demo holds them for the former Bạc Liêu city and Khóm 1 only.
    const certification = progress.targets.filter((x: { indicator: string }) =>
      x.indicator.startsWith("certification."),
    );
    expect(certification).toHaveLength(9);
    for (const c of certification) {
      expect(c.actual).not.toBeNull();
      expect(["met", "not_met"]).toContain(c.status);
    }
    const areas = certification.filter(
      (x: { indicator: string }) => x.indicator === "certification.residential_area_rate",
    );
    expect(areas.map((x: { status: string }) => x.status)).toEqual(["met", "met", "met"]);
    // The Cà Mau Front implements it: the plan of the level above.
    const implemented = (await call(t.app, caMau, "GET", "/api/v1/plans/implemented")).json();
    expect(implemented.items.map((p: { number: string }) => p.number)).toContain("279/KH-MTTQ-BCA");
  });
});
