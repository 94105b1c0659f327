import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../server/src/db/client";
import { DEMO_PASSWORD } from "../server/src/modules/demo/seed-demo";
import { rebuildActivityRollups } from "../server/src/modules/indicators";
import { readActivityRollups, rollupsCover } from "../server/src/modules/indicators/activity-rollups";
import { groupsByChild, householdsByChild } from "../server/src/modules/indicators/dashboard-children";
import { getJson, login } from "./lib/http";
import { resultOf, withSeeded } from "./lib/movement";
import {
  generateActivities,
  generateAreas,
  generateGroups,
  generateHouseholds,
  insertActivities,
} from "./lib/national";
import type { BenchResult } from "./lib/results";
import { progress, summarise, timed } from "./lib/stats";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const YEAR = 2025;
const ROUNDS = env("BENCH_ROUNDS", 20);

type Unit = { id: string; name: string; path: string; kind: string };

const FIGS = sql`count(*)::int as activities, sum(a.attendees)::int8 as attendees,
  sum(a.households)::int8 as households, sum(a.students)::int8 as students, sum(a.leaflets)::int8 as leaflets,
  sum(a.panels)::int8 as panels, sum(a.slogans)::int8 as slogans, sum(a.broadcast_items)::int8 as bi,
  sum(a.broadcast_hours)::float8 as bh`;

/** The activity part of a dashboard by a plain GROUP BY over the records: totals, months, children. */
async function plainActivityPart(db: Db, u: Unit) {
  const where = sql`a.rollup_path like ${`${u.path}%`} and a.date between ${`${YEAR}-01-01`}::date and ${`${YEAR}-12-31`}::date`;
  await queryRows(db, sql`select ${FIGS} from activities a where ${where}`);
  await queryRows(
    db,
    sql`select date_trunc('month', a.date) as m, ${FIGS} from activities a where ${where} group by 1`,
  );
  await queryRows(
    db,
    sql`select split_part(substr(a.rollup_path, ${u.path.length + 1}), '/', 1) as c, ${FIGS}
        from activities a where ${where} group by 1`,
  );
}

/** The same three reads from the rollups (as the dashboard does). */
async function rollupActivityPart(db: Db, u: Unit) {
  const base = { path: u.path, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, dim: { exact: "" } };
  await readActivityRollups(db, base);
  await readActivityRollups(db, { ...base, byMonth: true });
  await readActivityRollups(db, { ...base, children: true });
}

/** The figures the rollups do not hold (households, groups): the same grouped queries in both. */
async function otherPart(db: Db, u: Unit) {
  await groupsByChild(db, u.path, `${YEAR}-12-31`);
  await householdsByChild(db, u.path, YEAR);
}

/** Milliseconds with 0.01 precision (stats.timed rounds to whole ms). */
async function precise(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return Math.round((performance.now() - t) * 100) / 100;
}

async function samples(n: number, fn: () => Promise<unknown>) {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await precise(fn));
  return summarise(out);
}

async function writeCost(db: Db, units: number) {
  const toggle = (on: boolean) =>
    db.execute(
      sql.raw(`alter table activities ${on ? "enable" : "disable"} trigger activity_rollups_insert`),
    );
  const withTrigger: number[] = [];
  const plain: number[] = [];
  let g = 50_000_000;
  for (let block = 0; block < 10; block++) {
    for (const on of [true, false]) {
      await toggle(on);
      for (let i = 0; i < 30; i++) {
        const ms = await precise(() => insertActivities({ db } as never, g, g + 1, units, YEAR));
        g += 1;
        (on ? withTrigger : plain).push(ms);
      }
    }
  }
  await toggle(true);
  const a = summarise(withTrigger);
  const b = summarise(plain);
  return {
    withRollups: a,
    plainInsert: b,
    ratioMean: Math.round((a.mean / b.mean) * 100) / 100,
    ratioP50: Math.round((a.p50 / b.p50) * 100) / 100,
  };
}

export async function runNationalDashboard(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const pglite = !process.env.DATABASE_URL;
  const scale = {
    areas: env("BENCH_AREAS", 100_000),
    activities: env("BENCH_NATIONAL_ACTIVITIES", pglite ? 1_000_000 : 10_000_000),
    households: env("BENCH_HOUSEHOLDS", pglite ? 200_000 : 2_000_000),
    groups: env("BENCH_GROUPS", 50_000),
  };
  return withSeeded("national_dashboard", async (s) => {
    const db = s.database.db;
    progress(`national: scale ${JSON.stringify(scale)}`);
    const areas = await timed(() => generateAreas(s.database, scale.areas));
    progress(`national: areas in ${areas.ms} ms`);
    await db.execute(sql`alter table activities disable trigger activity_rollups_insert`);
    const acts = await timed(() =>
      generateActivities(s.database, scale.activities, YEAR, pglite ? 250_000 : 500_000),
    );
    await db.execute(sql`alter table activities enable trigger activity_rollups_insert`);
    const rebuild = await timed(() => rebuildActivityRollups(db));
    progress(`national: activities ${acts.ms} ms, rollups rebuilt in ${rebuild.ms} ms`);
    const hh = await timed(() =>
      generateHouseholds(s.database, scale.households, YEAR, pglite ? 200_000 : 500_000),
    );
    const gr = await timed(() => generateGroups(s.database, scale.groups));
    const vacuum = await timed(() => db.execute(sql`vacuum analyze`));
    const [rows] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from activities) as activities,
        (select count(*)::int from activity_rollups) as "activityRollups",
        (select count(*)::int from org_units where kind = 'residential_area') as areas,
        (select count(*)::int from households) as households,
        (select count(*)::int from household_commitments) as commitments,
        (select count(*)::int from groups) as groups, (select count(*)::int from group_members) as members`,
    );
    progress(`national: rows ${JSON.stringify(rows)}`);

    const units = await queryRows<Unit>(
      db,
      sql`(select id, full_name as name, path, kind from org_units where kind = 'country' and valid_to is null)
          union all (select id, full_name, path, kind from org_units where kind = 'province' and valid_to is null and code in ('01', '79', '96'))
          union all (select * from (select c.id, c.full_name, c.path, c.kind from org_units c join org_units p on p.id = c.parent_id
            where c.kind = 'commune' and c.valid_to is null and p.code = '01' order by c.code limit 1) x)`,
    );
    const admin = await login(s.app, "admin", DEMO_PASSWORD);
    const cases: Record<string, unknown> = {};
    for (const u of units) {
      progress(`national: ${u.name}…`);
      const url = `/api/v1/dashboard?orgUnitId=${u.id}&year=${YEAR}`;
      const dashboard = await samples(ROUNDS, () => getJson(s.app, admin, url));
      const n = Math.max(5, Math.round(ROUNDS / 2));
      const rollupPart = rollupsCover(u.path, true)
        ? await samples(ROUNDS, () => rollupActivityPart(db, u))
        : null;
      const plainPart = await samples(n, () => plainActivityPart(db, u));
      const other = await samples(n, () => otherPart(db, u));
      cases[`${u.kind} ${u.name}`] = {
        dashboardHttp: dashboard,
        activityPartFromRollups: rollupPart,
        activityPartPlainGroupBy: plainPart,
        householdsGroupsPart: other,
        ratioActivityPartP95: rollupPart ? Math.round((plainPart.p95 / rollupPart.p95) * 10) / 10 : null,
        ratioDashboardVsPlainP95: Math.round(((plainPart.p95 + other.p95) / dashboard.p95) * 10) / 10,
      };
      progress(`national: ${u.name} ${JSON.stringify(cases[`${u.kind} ${u.name}`])}`);
    }
    progress("national: write cost…");
    const [{ n: unitCount } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from bench_units`,
    );
    const writes = await writeCost(db, unitCount);
    progress(`national: writes ${JSON.stringify(writes)}`);
    return resultOf(
      "national-dashboard",
      s,
      started,
      t0,
      {
        dashboardP95Ms: pglite ? "<= 300" : "<= 100",
        ratioVsPlainGroupBy: ">= 20",
        writeRatio: "<= 2",
      },
      {
        scale,
        rows,
        generateMs: {
          areas: areas.ms,
          activities: acts.ms,
          rollupRebuild: rebuild.ms,
          households: hh.ms,
          groups: gr.ms,
          vacuumAnalyze: vacuum.ms,
        },
        method:
          "dashboard: GET /api/v1/dashboard (20 indicators, trend, children ranking) via app.inject as admin, 1 warm-up then BENCH_ROUNDS; " +
          "activity part: the 3 reads a dashboard needs (totals, months, children) from rollups vs a plain GROUP BY over activities; " +
          "households/groups part: the same record queries in both (not rolled up yet); writes: single-row INSERT of an activity with the rollup trigger on vs off, 10 alternating blocks of 30",
        cases,
        writes,
      },
    );
  });
}
