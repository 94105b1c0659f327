import { NoopLogger, sql } from "drizzle-orm";
import { queryRows, type Db } from "../server/src/db/client";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { certificationRatesByChild } from "../server/src/modules/certification";
import { coverageGroups } from "../server/src/modules/households";
import { rollupsCover } from "../server/src/kernel/rollups";
import { readActivityRollups, rebuildActivityRollups } from "../server/src/modules/activities";
import type { FastifyInstance } from "fastify";
import { reusedFromEnv } from "./lib/engine";
import { getJson, login, type Session } from "./lib/http";
import { loadAverage, resultOf, withSeeded } from "./lib/movement";
import {
  generateActivities,
  generateAreas,
  generateGroups,
  generateHouseholds,
  generateTips,
  insertActivities,
  insertHousehold,
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

/** Households and groups by a plain GROUP BY over the records (coverage forced off the rollups). */
async function plainStockPart(db: Db, u: Unit) {
  await coverageGroups(db, {
    rollupPathPrefix: u.path,
    year: YEAR,
    childrenOfPath: u.path,
    scope: sql`true`,
  });
  const at = `${YEAR}-12-31`;
  await queryRows(
    db,
    sql`select split_part(substr(g.rollup_path, ${u.path.length + 1}::int), '/', 1) as child, g.type_code,
          count(distinct g.id)::int as groups, count(m.id)::int as members
        from groups g left join group_members m on m.group_id = g.id and m.joined_on <= ${at}::date
          and (m.left_on is null or m.left_on > ${at}::date)
        where g.rollup_path like ${`${u.path}%`} and g.founded_on <= ${at}::date
          and (g.dissolved_on is null or g.dissolved_on > ${at}::date)
        group by 1, 2`,
  );
  // Certification rates are counted from the units in both (no rollup): one query by child.
  await certificationRatesByChild(db, { path: u.path, year: YEAR });
}

/** Every figure of the dashboard by plain GROUP BY over the raw tables, as one sequence. */
async function plainDashboard(db: Db, u: Unit) {
  await plainActivityPart(db, u);
  await plainStockPart(db, u);
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

// Statements sent through Drizzle in this process (the app configures no logger, so each session
// logs to a NoopLogger): counted to give the SQL statements per dashboard request.
let statements = 0;
NoopLogger.prototype.logQuery = () => {
  statements++;
};

/**
 * What one dashboard request costs, independent of how busy the machine is: this process's CPU
 * (the app through app.inject, on PGlite with the database) and SQL statements sent (background
 * workers included), per request over `n` requests; the reply's size.
 */
async function dashboardCost(app: FastifyInstance, session: Session, url: string, n: number) {
  const body = (await app.inject({ method: "GET", url, headers: { cookie: session.cookie } })).body;
  const cpu0 = process.cpuUsage();
  const st0 = statements;
  for (let i = 0; i < n; i++) await getJson(app, session, url);
  const cpu = process.cpuUsage(cpu0);
  return {
    processCpuMsPerRequest: Math.round((cpu.user + cpu.system) / n / 10) / 100,
    sqlStatementsPerRequest: Math.round(((statements - st0) / n) * 10) / 10,
    replyBytes: Buffer.byteLength(body),
  };
}

/** A yearly review report of a province composed (figures queried) and exported as DOCX. */
async function docxExport(app: FastifyInstance, u: Unit, session: Session) {
  const create: number[] = [];
  const exportMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/reports",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
      payload: {
        orgUnitId: u.id,
        template: "yearly",
        year: YEAR,
        issuingBody: `Ủy ban MTTQ Việt Nam ${u.name}`,
        symbol: "BC-MTTQ",
        place: u.name,
        issuedOn: `${YEAR}-12-20`,
        recipients: ["Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam", "Lưu VT"],
        signerTitle: "Chủ tịch",
        signerName: "Nguyễn Văn A",
      },
    });
    const t1 = performance.now();
    if (res.statusCode !== 201) throw new Error(`createReport: ${res.statusCode} ${res.body}`);
    const id = res.json<{ id: string }>().id;
    const doc = await app.inject({
      method: "GET",
      url: `/api/v1/reports/${id}/export?format=docx`,
      headers: { cookie: session.cookie },
    });
    const t2 = performance.now();
    if (doc.statusCode !== 200) throw new Error(`exportReport: ${doc.statusCode}`);
    bytes = doc.rawPayload.length;
    if (i > 0) {
      create.push(Math.round((t1 - t0) * 100) / 100);
      exportMs.push(Math.round((t2 - t1) * 100) / 100);
    }
  }
  return {
    unit: u.name,
    createReport: summarise(create),
    exportDocx: summarise(exportMs),
    composeAndExportP95: Math.round((summarise(create).p95 + summarise(exportMs).p95) * 100) / 100,
    docxBytes: bytes,
  };
}

/** Triggers of `tables` off (for bulk loads and for the plain side of a write-cost pair). */
async function setTriggers(db: Db, tables: string[], on: boolean) {
  for (const t of tables) {
    await db.execute(sql.raw(`alter table ${t} ${on ? "enable" : "disable"} trigger user`));
  }
}

/** The rollup insert trigger of each table (the period-lock guard and foreign keys stay on). */
const ROLLUP_INSERT_TRIGGER: Record<string, string> = {
  activities: "activity_rollups_insert",
  households: "household_rollups_insert",
  household_commitments: "household_rollups_insert",
  group_members: "group_rollups_insert",
};

async function setRollupTriggers(db: Db, tables: string[], on: boolean) {
  for (const t of tables) {
    await db.execute(
      sql.raw(`alter table ${t} ${on ? "enable" : "disable"} trigger ${ROLLUP_INSERT_TRIGGER[t]!}`),
    );
  }
}

/** Single-statement writes with the rollup triggers on vs off, 10 alternating blocks of 30. */
async function writeCost(db: Db, tables: string[], write: (i: number) => Promise<unknown>) {
  const withTrigger: number[] = [];
  const plain: number[] = [];
  let i = 0;
  for (let block = 0; block < 10; block++) {
    for (const on of [true, false]) {
      await setRollupTriggers(db, tables, on);
      for (let k = 0; k < 30; k++) (on ? withTrigger : plain).push(await precise(() => write(i++)));
    }
  }
  await setRollupTriggers(db, tables, true);
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
    tips: env("BENCH_TIPS", pglite ? 20_000 : 200_000),
  };
  return withSeeded("national_dashboard", async (s) => {
    const db = s.database.db;
    progress(`national: scale ${JSON.stringify(scale)}`);
    // BENCH_REUSE_DB: the data of an earlier run kept with BENCH_KEEP_DB=1 (migrated again above).
    const generateMs = reusedFromEnv() ? await reuse() : await generate();
    async function reuse() {
      // As after generating: the last run's writes (and new migrations) leave pages to vacuum.
      const vacuum = await timed(() => db.execute(sql`vacuum analyze`));
      return { reused: reusedFromEnv(), vacuumAnalyze: vacuum.ms };
    }
    async function generate() {
      const areas = await timed(() => generateAreas(s.database, scale.areas));
      progress(`national: areas in ${areas.ms} ms`);
      await db.execute(sql`alter table activities disable trigger user`);
      const acts = await timed(() =>
        generateActivities(s.database, scale.activities, YEAR, pglite ? 250_000 : 500_000),
      );
      await db.execute(sql`alter table activities enable trigger user`);
      const rebuild = await timed(() => rebuildActivityRollups(db));
      progress(`national: activities ${acts.ms} ms, rollups rebuilt in ${rebuild.ms} ms`);
      const stockTables = [
        "households",
        "household_commitments",
        "household_safe_families",
        "groups",
        "group_members",
      ];
      await setTriggers(db, stockTables, false);
      const hh = await timed(() =>
        generateHouseholds(s.database, scale.households, YEAR, pglite ? 200_000 : 500_000),
      );
      // ~70 % of the households recognised as safe families for the year (the demo's reviews: 95-97 %).
      await db.execute(sql`insert into household_safe_families (household_id, rollup_path, year, decided_level,
          decided_by, decided_on)
        select id, rollup_path, ${YEAR}, 'residential_area', 'Ban công tác Mặt trận khu dân cư', ${`${YEAR}-11-20`}::date
        from households h where abs(hashtext(h.id::text)) % 10 < 7 and not exists (select 1 from household_safe_families s
          where s.household_id = h.id and s.year = ${YEAR} and s.withdrawn_on is null)`);
      const gr = await timed(() => generateGroups(s.database, scale.groups));
      await setTriggers(db, stockTables, true);
      const stockRebuild = await timed(async () => {
        await db.execute(sql`select stock_rollups_rebuild()`);
        await db.execute(sql`select safe_family_rollups_rebuild()`);
      });
      progress(
        `national: households ${hh.ms} ms, groups ${gr.ms} ms, rollups rebuilt in ${stockRebuild.ms} ms`,
      );
      const tp = await timed(() => generateTips(s.database, scale.tips, YEAR));
      const vacuum = await timed(() => db.execute(sql`vacuum analyze`));
      return {
        areas: areas.ms,
        activities: acts.ms,
        rollupRebuild: rebuild.ms,
        households: hh.ms,
        groups: gr.ms,
        stockRollupRebuild: stockRebuild.ms,
        tips: tp.ms,
        vacuumAnalyze: vacuum.ms,
      };
    }
    const [rows] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from activities) as activities,
        (select count(*)::int from activity_rollups) as "activityRollups",
        (select count(*)::int from org_units where kind = 'residential_area') as areas,
        (select count(*)::int from households) as households,
        (select count(*)::int from household_commitments) as commitments,
        (select count(*)::int from household_safe_families) as "safeFamilies",
        (select count(*)::int from groups) as groups, (select count(*)::int from group_members) as members,
        (select count(*)::int from household_rollups) as "householdRollups",
        (select count(*)::int from group_rollups) as "groupRollups", (select count(*)::int from tips) as tips`,
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
      const cost = await dashboardCost(s.app, admin, url, ROUNDS);
      const n = env("BENCH_PLAIN_ROUNDS", Math.max(5, Math.round(ROUNDS / 2)));
      const rollupPart = rollupsCover(u.path, true)
        ? await samples(ROUNDS, () => rollupActivityPart(db, u))
        : null;
      const plainPart = await samples(n, () => plainActivityPart(db, u));
      const plain = await samples(n, () => plainDashboard(db, u));
      cases[`${u.kind} ${u.name}`] = {
        loadAverage: loadAverage(),
        dashboardHttp: dashboard,
        dashboardCost: cost,
        plainGroupByAllFigures: plain,
        ratioPlainVsDashboardP95: Math.round((plain.p95 / dashboard.p95) * 10) / 10,
        activityPartFromRollups: rollupPart,
        activityPartPlainGroupBy: plainPart,
      };
      progress(`national: ${u.name} ${JSON.stringify(cases[`${u.kind} ${u.name}`])}`);
    }
    progress("national: province review report (DOCX)…");
    const province = units.find((u) => u.kind === "province")!;
    const report = await docxExport(s.app, province, admin);
    progress(`national: report ${JSON.stringify(report)}`);
    progress("national: write cost…");
    const [{ n: unitCount } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from bench_units`,
    );
    const writes = {
      activity: await writeCost(db, ["activities"], (i) =>
        insertActivities({ db } as never, 50_000_000 + i, 50_000_001 + i, unitCount, YEAR),
      ),
      householdWithCommitment: await writeCost(db, ["households", "household_commitments"], (i) =>
        insertHousehold(db, i, YEAR),
      ),
      groupMember: await writeCost(db, ["group_members"], (i) =>
        db.execute(sql`insert into group_members (group_id, full_name, joined_on)
          select id, ${`Thành viên mới ${i}`}, date '2025-03-01' from groups order by id offset ${i % 1000} limit 1`),
      ),
    };
    return resultOf(
      "national-dashboard",
      s,
      started,
      t0,
      {
        dashboardP95Ms: pglite ? "<= 300" : "<= 100",
        ratioVsPlainGroupBy: ">= 20",
        writeRatio: "<= 2",
        provinceDocxMs: "<= 2000",
      },
      {
        scale,
        rows,
        generateMs,
        method:
          "dashboard: GET /api/v1/dashboard (21 indicators, trend, children ranking) via app.inject as admin, 1 warm-up then BENCH_ROUNDS; " +
          "dashboardCost: BENCH_ROUNDS more requests, this process's CPU (process.cpuUsage; the app, and on PGlite the database) and the SQL statements Drizzle sent, per request, and the reply's bytes; " +
          "plain: every dashboard figure by a plain GROUP BY over the raw tables (activities: totals, months, children; households " +
          "and commitments by child; groups and members by child; certification rates by child, the same query in both), in one sequence; " +
          "activity part: the 3 activity reads from rollups vs GROUP BY; writes: single-statement INSERT (an activity; a household with its " +
          "commitment; a group member) with the rollup triggers on vs off, 10 alternating blocks of 30; report: POST /reports (yearly, " +
          "province) then GET /reports/:id/export?format=docx, each timed, 1 warm-up then 5",
        report,
        cases,
        writes,
      },
    );
  });
}
