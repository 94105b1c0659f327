import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { foldActivityRollups } from "../activities";
import { bodyAt, formerUnit } from "../activities/test-fixtures";
import { prng } from "../../kernel/prng";
import {
  monthRollupDrift,
  period,
  prefix,
  recountActivities,
  unitPathOf,
  YEAR_ROLLUPS_LIVE,
  yearRollupDrift,
} from "./indicators.test-support";

let t: TestContext;
let admin: Session;
let caMau: Session;
let anxuyen: Session;
let rootId: string;
let caMauId: string;
let baclieuId: string;
let anxuyenId: string;
let areaId: string;
let district: { id: string; path: string };

type Result = {
  totals: Record<string, number | null>;
  groups?: { key: string; label: string; values: Record<string, number | null> }[];
};

const ACT = [
  "activities.count",
  "activities.attendees",
  "activities.students",
  "activities.leaflets",
  "activities.broadcast_hours",
];

async function query(s: Session, qs: string): Promise<Result> {
  const res = await call(t.app, s, "GET", `/api/v1/indicators/query?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Result>();
}

const raw = (where: SQL) => recountActivities(t.app.db, where);
const pathOf = (id: string) => unitPathOf(t.app.db, id);

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  rootId = (await rootUnit(db)).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  areaId = await createResidentialArea(db, baclieuId, "Khóm Chỉ tiêu");
  district = await formerUnit(db, "district", "954");
  admin = await signedInAs(t.app, "system_admin", rootId);
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);

  // ~80 random activities at every level, before and after the reform, then edits and deletions.
  const ward2 = (await formerUnit(db, "commune", "31813")).id; // Phường 2 → Phường Bạc Liêu
  const sites = [
    { unit: caMauId, bodies: [await bodyAt(db, caMauId, "police"), await bodyAt(db, caMauId, "front")] },
    { unit: baclieuId, bodies: [await bodyAt(db, baclieuId, "front"), await bodyAt(db, baclieuId, "women")] },
    { unit: areaId, bodies: [await bodyAt(db, areaId, "front"), await bodyAt(db, baclieuId, "police")] },
    {
      unit: anxuyenId,
      bodies: [await bodyAt(db, anxuyenId, "youth"), await bodyAt(db, anxuyenId, "police")],
    },
    { unit: ward2, bodies: [await bodyAt(db, caMauId, "police")], before: true },
    { unit: district.id, bodies: [await bodyAt(db, caMauId, "front")], before: true },
  ];
  const rnd = prng(6);
  const int = (n: number) => Math.floor(rnd() * n);
  const ids: string[] = [];
  for (let i = 0; i < 80; i += 1) {
    const site = sites[int(sites.length)]!;
    const month = site.before ? 1 + int(6) : 1 + int(12);
    const res = await call(t.app, admin, "POST", "/api/v1/activities", {
      orgUnitId: site.unit,
      kind: ["meeting", "training", "propaganda_session"][int(3)],
      date: `2025-${String(month).padStart(2, "0")}-${String(1 + int(28)).padStart(2, "0")}`,
      organizerBodyIds: site.bodies.filter((_, j) => j === 0 || rnd() < 0.5),
      topics: ["drugs", "law", "fire"].filter(() => rnd() < 0.4),
      attendees: int(300),
      students: int(50),
      leaflets: int(100),
      broadcastHours: int(300) / 100,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
  for (const id of ids.slice(0, 10)) {
    const res = await call(t.app, admin, "PATCH", `/api/v1/activities/${id}`, {
      attendees: 7,
      kind: "training",
      date: "2025-05-15",
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // A few households (3 in the area, 2 in An Xuyên; 3 signed 2025) and two groups with members.
  await db.execute(sql`insert into households (org_unit_id, province_id, rollup_path, head_name, address, members, member_orgs, search_text, created_at)
    select u.id, nullif(split_part(u.rollup_path, '/', 3), '')::uuid, u.rollup_path, 'Hộ ' || n, 'Số ' || n, 3, case when n = 1 then '{women}'::text[] else '{}' end, 'ho', '2024-05-01'
    from org_units u cross join generate_series(1, case when u.id = ${areaId} then 3 else 2 end) n
    where u.id in (${areaId}, ${anxuyenId})`);
  await db.execute(sql`insert into household_commitments (household_id, rollup_path, year, signed_on, form_version)
    select id, rollup_path, 2025, date '2025-03-01', 't' from households where address in ('Số 1', 'Số 2') and org_unit_id = ${areaId}
    union all select id, rollup_path, 2025, date '2025-03-01', 't' from households where address = 'Số 1' and org_unit_id = ${anxuyenId}`);
  const [type] = await queryRows<{ code: string }>(
    db,
    sql`select code from group_types order by code limit 1`,
  );
  await db.execute(sql`with g as (insert into groups (org_unit_id, province_id, rollup_path, type_code, name, founded_on, status)
      select u.id, nullif(split_part(u.rollup_path, '/', 3), '')::uuid, u.rollup_path, ${type!.code}, 'Tổ ' || u.name, '2024-01-01', 'active' from org_units u
      where u.id in (${areaId}, ${anxuyenId}) returning id)
    insert into group_members (group_id, full_name, joined_on) select g.id, 'TV ' || n, '2024-02-01'
    from g cross join generate_series(1, 3) n`);
  for (const id of ids.slice(10, 16)) {
    expect((await call(t.app, admin, "DELETE", `/api/v1/activities/${id}`)).statusCode).toBe(200);
  }
  // Two records moved to another year (and one back): the yearly rollups move them too.
  for (const [id, date] of [
    [ids[16], "2024-12-31"],
    [ids[17], "2024-06-01"],
    [ids[17], "2025-01-01"],
  ] as const) {
    const res = await call(t.app, admin, "PATCH", `/api/v1/activities/${id}`, { date });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t.close());

describe("activity rollups", () => {
  // The writes append to activity_rollup_pending; the folder moves that into both rollups.
  const drift = (rollups: SQL) => monthRollupDrift(t.app.db, rollups);
  const yearDrift = (rollups: SQL) => yearRollupDrift(t.app.db, rollups);
  const yearLive = YEAR_ROLLUPS_LIVE;

  it("equal a recount from the records after inserts, edits and deletions", async () => {
    // What readers see (the rollups plus the changes not folded yet), whatever the folder has done.
    const live = sql`select unit_path, dim, month, sum(activities)::int as activities,
        sum(attendees)::int as attendees, sum(broadcast_hours) as broadcast_hours
      from activity_rollups_live group by 1, 2, 3 having sum(activities) <> 0`;
    expect(await drift(live)).toBe(0);
    expect(await yearDrift(yearLive)).toBe(0);
    // Folded: the rollups alone are right, and nothing is left pending (rows the app's own folder
    // is folding at that moment are skipped by this fold: fold again until none is left).
    for (let i = 0; i < 20; i++) {
      await foldActivityRollups(t.app.db);
      const [p] = await queryRows<{ n: number }>(
        t.app.db,
        sql`select count(*)::int as n from activity_rollup_pending`,
      );
      if (p!.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await drift(sql`select * from activity_rollups where activities <> 0`)).toBe(0);
    expect(await drift(live)).toBe(0);
    expect(await yearDrift(sql`select * from activity_year_rollups`)).toBe(0);
    expect(await yearDrift(yearLive)).toBe(0);
    const [rows] = await queryRows<{ n: number; pending: number; years: number; years2024: number }>(
      t.app.db,
      sql`select count(*)::int as n, (select count(*)::int from activity_rollup_pending) as pending,
            (select count(*)::int from activity_year_rollups where activities <> 0) as years,
            (select count(*)::int from activity_year_rollups where activities <> 0 and year = 2024) as "years2024"
          from activity_rollups`,
    );
    expect(rows!.n).toBeGreaterThan(50);
    // Cà Mau and its two communes with records in 2025; Cà Mau and a commune in 2024 (moved records).
    expect(rows!.years).toBe(5);
    expect(rows!.years2024).toBeGreaterThanOrEqual(2);
    expect(rows!.pending).toBe(0);
  });
});

describe("queryIndicators", () => {
  const year = "from=2025-01-01&to=2025-12-31";
  const ind = `indicators=${ACT.join(",")}`;

  it("is 401 anonymous, 400 with the exact message, 404 out of scope", async () => {
    const anon = await call(
      t.app,
      null,
      "GET",
      `/api/v1/indicators/query?${ind}&orgUnitId=${caMauId}&${year}`,
    );
    expect(anon.statusCode).toBe(401);
    const bad = await call(
      t.app,
      caMau,
      "GET",
      `/api/v1/indicators/query?indicators=nope&orgUnitId=${caMauId}&${year}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("querystring.indicators.0");
    const order = await call(
      t.app,
      caMau,
      "GET",
      `/api/v1/indicators/query?${ind}&orgUnitId=${caMauId}&from=2025-02-01&to=2025-01-01`,
    );
    expect(order.json().error.issues).toEqual([
      { path: "querystring.to", message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu" },
    ]);
    const hidden = await call(
      t.app,
      anxuyen,
      "GET",
      `/api/v1/indicators/query?${ind}&orgUnitId=${baclieuId}&${year}`,
    );
    expect(hidden.statusCode).toBe(404);
  });

  it("equals sums over the records at the country, province, commune and area levels", async () => {
    for (const [s, id] of [
      [admin, rootId],
      [caMau, caMauId],
      [caMau, baclieuId],
      [anxuyen, anxuyenId],
      [caMau, areaId],
    ] as const) {
      const expected = await raw(sql`${prefix(await pathOf(id))} and ${period("2025-01-01", "2025-12-31")}`);
      expect((await query(s, `${ind}&orgUnitId=${id}&${year}`)).totals, id).toEqual(expected);
      // A period that is not whole months is summed from the records: same answer.
      const part = await raw(sql`${prefix(await pathOf(id))} and ${period("2025-02-10", "2025-08-20")}`);
      expect((await query(s, `${ind}&orgUnitId=${id}&from=2025-02-10&to=2025-08-20`)).totals).toEqual(part);
    }
    const all = await raw(sql`true`);
    expect(all["activities.count"]).toBe(74);
  });

  it("breaks down by child, body, kind, topic and month, each equal to the records", async () => {
    const caMauPath = await pathOf(caMauId);
    const inYear = period("2025-01-01", "2025-12-31");
    const byChild = await query(caMau, `${ind}&orgUnitId=${caMauId}&${year}&groupBy=child`);
    expect(byChild.groups!.length).toBe(64);
    for (const g of byChild.groups!) {
      expect(g.values, g.label).toEqual(await raw(sql`${prefix(`${caMauPath}${g.key}/`)} and ${inYear}`));
    }
    const byBody = await query(caMau, `${ind}&orgUnitId=${caMauId}&${year}&groupBy=body`);
    for (const g of byBody.groups!) {
      const where = sql`${prefix(caMauPath)} and ${inYear} and a.organizer_kinds @> array[${g.key}]::text[]`;
      expect(g.values, g.key).toEqual(await raw(where));
    }
    expect(byBody.groups!.find((g) => g.key === "police")!.values["activities.count"]).toBeGreaterThan(0);
    const byKind = await query(caMau, `${ind}&orgUnitId=${caMauId}&${year}&groupBy=kind`);
    for (const g of byKind.groups!) {
      expect(g.values, g.key).toEqual(
        await raw(sql`${prefix(caMauPath)} and ${inYear} and a.kind = ${g.key}`),
      );
    }
    const byTopic = await query(caMau, `${ind}&orgUnitId=${caMauId}&${year}&groupBy=topic`);
    for (const g of byTopic.groups!) {
      const where = sql`${prefix(caMauPath)} and ${inYear} and a.topics @> array[${g.key}]::text[]`;
      expect(g.values, g.key).toEqual(await raw(where));
    }
    const byMonth = await query(caMau, `${ind}&orgUnitId=${caMauId}&${year}&groupBy=period`);
    expect(byMonth.groups!.map((g) => g.label).slice(0, 2)).toEqual(["01/2025", "02/2025"]);
    for (const g of byMonth.groups!) {
      const from = `${g.key}-01`;
      const to = new Date(Date.UTC(Number(g.key.slice(0, 4)), Number(g.key.slice(5)), 0))
        .toISOString()
        .slice(0, 10);
      expect(g.values, g.key).toEqual(await raw(sql`${prefix(caMauPath)} and ${period(from, to)}`));
    }
    const police = await query(caMau, `${ind}&orgUnitId=${baclieuId}&${year}&bodyKind=police`);
    const wherePolice = sql`${prefix(await pathOf(baclieuId))} and ${inYear} and a.organizer_kinds @> array['police']::text[]`;
    expect(police.totals).toEqual(await raw(wherePolice));
  });

  it("reads a pre-reform unit in the tree of its date, its records mapped through the lineage", async () => {
    const before = "from=2025-01-01&to=2025-06-30";
    const old = await query(caMau, `${ind}&orgUnitId=${district.id}&${before}&at=2025-03-01`);
    expect(old.totals).toEqual(
      await raw(sql`u.path like ${`${district.path}%`} and ${period("2025-01-01", "2025-06-30")}`),
    );
    expect(old.totals["activities.count"]).toBeGreaterThan(0);
    // Households too are those registered in the old tree: none there, though today's ward (which
    // the district rolls up into) holds the three of Khóm 1.
    const hh = await query(
      caMau,
      `indicators=households.count&orgUnitId=${district.id}&${before}&at=2025-03-01`,
    );
    expect(hh.totals["households.count"]).toBe(0);
    const hhWard = await query(caMau, `indicators=households.count&orgUnitId=${baclieuId}&${before}`);
    expect(hhWard.totals["households.count"]).toBe(3);
    // On 01/03/2025 the former province of Bạc Liêu stood, with its districts as children.
    const oldProvince = await formerUnit(t.app.db, "province", "95");
    const kids = await query(
      caMau,
      `${ind}&orgUnitId=${oldProvince.id}&${before}&at=2025-03-01&groupBy=child`,
    );
    expect(kids.totals).toEqual(
      await raw(sql`u.path like ${`${oldProvince.path}%`} and ${period("2025-01-01", "2025-06-30")}`),
    );
    const d = kids.groups!.find((g) => g.key === district.id)!;
    expect(d.values).toEqual(old.totals);
    // Today the same records count in Phường Bạc Liêu and the province.
    const wardToday = await query(caMau, `${ind}&orgUnitId=${baclieuId}&${before}`);
    expect(wardToday.totals).toEqual(
      await raw(sql`${prefix(await pathOf(baclieuId))} and ${period("2025-01-01", "2025-06-30")}`),
    );
    const gone = await call(
      t.app,
      caMau,
      "GET",
      `/api/v1/indicators/query?${ind}&orgUnitId=${district.id}&${before}`,
    );
    expect(gone.json().error.issues).toEqual([
      { path: "querystring.at", message: "Đơn vị không có hiệu lực vào ngày này" },
    ]);
  });

  it("answers null (no data) where no record can give the figure, 0 where none was received", async () => {
    const r = await query(
      caMau,
      `indicators=tips.received,certification.commune_rate,groups.count&orgUnitId=${caMauId}&${year}`,
    );
    expect(r.totals["tips.received"]).toBe(0);
    expect(r.totals["certification.commune_rate"]).toBeNull();
    expect(typeof r.totals["groups.count"]).toBe("number");
  });
});

describe("getDashboard", () => {
  it("gives 20 tiles, a monthly trend that adds up and children ranked by activities", async () => {
    const anon = await call(t.app, null, "GET", `/api/v1/dashboard?orgUnitId=${caMauId}&year=2025`);
    expect(anon.statusCode).toBe(401);
    const bad = await call(t.app, caMau, "GET", `/api/v1/dashboard?orgUnitId=${caMauId}&year=abc`);
    expect(bad.statusCode).toBe(400);
    const res = await call(t.app, caMau, "GET", `/api/v1/dashboard?orgUnitId=${caMauId}&year=2025`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.tiles).toHaveLength(21);
    const count = d.tiles.find((x: { code: string }) => x.code === "activities.count");
    const expected = await raw(
      sql`${prefix(await pathOf(caMauId))} and ${period("2025-01-01", "2025-12-31")}`,
    );
    expect(count.value).toBe(expected["activities.count"]);
    const trendSum = d.trend.reduce(
      (n: number, m: { values: Record<string, number> }) => n + m.values["activities.count"]!,
      0,
    );
    expect(trendSum).toBe(expected["activities.count"]);
    expect(d.trend).toHaveLength(12);
    expect(d.children.length).toBe(64);
    expect(d.children[0].rank).toBe(1);
    const counts = d.children.map((c: { values: Record<string, number> }) => c.values["activities.count"]);
    expect([...counts].sort((a: number, b: number) => b - a)).toEqual(counts);
    // Competition ranking: equal figures share a rank, the next rank skips past them (1, 2, 2, 4).
    const ranks = d.children.map((c: { rank: number }) => c.rank);
    const expectedRanks = counts.map((n: number) => 1 + counts.filter((m: number) => m > n).length);
    expect(ranks).toEqual(expectedRanks);
    expect(new Set(counts).size, "the demo has ties to rank").toBeLessThan(counts.length);
    expect(d.breadcrumb.map((b: { id: string }) => b.id)).toEqual([rootId, caMauId]);
    expect(d.tiles.find((x: { code: string }) => x.code === "certification.commune_rate").status).toBe(
      "no_data",
    );
    // Stock figures read by child in one query each agree with the registry's own computation.
    const stock = ["groups.count", "groups.members", "groups.teams", "households.count", "households.signed"];
    const stockCodes = [...stock, "households.commitment_rate", "activities.count"].join(",");
    const viaRegistry = await query(
      caMau,
      `indicators=${stockCodes}&orgUnitId=${caMauId}&${"from=2025-01-01&to=2025-12-31"}`,
    );
    for (const code of stockCodes.split(",")) {
      expect(d.tiles.find((x: { code: string }) => x.code === code).value, code).toEqual(
        viaRegistry.totals[code],
      );
    }
    expect(viaRegistry.totals["households.count"]).toBe(5);
    expect(viaRegistry.totals["groups.count"]).toBe(2);
    const kidsViaRegistry = await query(
      caMau,
      `indicators=${stockCodes}&orgUnitId=${caMauId}&from=2025-01-01&to=2025-12-31&groupBy=child`,
    );
    for (const g of kidsViaRegistry.groups!) {
      const c = d.children.find((x: { id: string }) => x.id === g.key);
      for (const code of stockCodes.split(",")) {
        expect(c.values[code], `${g.label} ${code}`).toEqual(g.values[code]);
      }
    }
    const area = await call(t.app, caMau, "GET", `/api/v1/dashboard?orgUnitId=${baclieuId}&year=2025`);
    expect(area.statusCode).toBe(200);
    const areaTile = area.json().children.find((x: { id: string }) => x.id === areaId);
    expect(areaTile.values["households.count"]).toBe(3);
    expect(areaTile.values["activities.count"]).toBe(
      (await raw(sql`${prefix(await pathOf(areaId))} and ${period("2025-01-01", "2025-12-31")}`))[
        "activities.count"
      ],
    );
    const hidden = await call(t.app, anxuyen, "GET", `/api/v1/dashboard?orgUnitId=${caMauId}&year=2025`);
    expect(hidden.statusCode).toBe(404);
  });
});
