import { sql } from "drizzle-orm";
import { queryRows } from "../server/src/db/client";
import { rebuildActivityRollups } from "../server/src/modules/activities";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { loadActivities } from "./lib/activities-load";
import { getJson, login } from "./lib/http";
import { resultOf, withSeeded } from "./lib/movement";
import type { BenchResult } from "./lib/results";
import { progress, summarise, timed } from "./lib/stats";

/** 1,000,000 by default; BENCH_ACTIVITIES overrides (PGlite figures in README say which was used). */
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const YEAR = 2025;
const ROUNDS = 50;
const GROUPINGS = ["", "body", "child", "topic"] as const;

type Totals = { totals: { activities: number }; groups?: unknown[] };

export async function runActivityTotals(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  return withSeeded("activity_totals", async (s) => {
    progress(`activity-totals: loading ${ACTIVITIES.toLocaleString("en")} activities dated ${YEAR}…`);
    let last = performance.now();
    // Loaded with the rollup triggers off, then the rollups rebuilt once, as the national dashboard
    // bench does: with them on, the million rows would wait in activity_rollup_pending and every
    // read would add them up, which a running server's folder never lets happen.
    await s.database.db.execute(sql`alter table activities disable trigger user`);
    const load = await timed(() =>
      loadActivities(s.database, ACTIVITIES, YEAR, (done) => {
        if (performance.now() - last > 10_000 || done === ACTIVITIES) {
          last = performance.now();
          progress(
            `activity-totals: ${done.toLocaleString("en")} loaded (${Math.round((last - t0) / 1000)} s)`,
          );
        }
      }),
    );
    await s.database.db.execute(sql`alter table activities enable trigger user`);
    progress(`activity-totals: loaded in ${load.ms} ms; rollups…`);
    const rebuild = await timed(() => rebuildActivityRollups(s.database.db));
    progress(`activity-totals: rollups rebuilt in ${rebuild.ms} ms; vacuum analyze…`);
    const vacuum = await timed(() => s.database.db.execute(sql`vacuum analyze`));
    const [rows] = await queryRows<{ activities: number; organisers: number }>(
      s.database.db,
      sql`select (select count(*)::int from activities) as activities,
                 (select count(*)::int from activity_organizers) as organisers`,
    );
    const provinces = await queryRows<{
      id: string;
      code: string;
      name: string;
      communes: number;
      share: number;
    }>(
      s.database.db,
      sql`select p.id, p.code, p.full_name as name,
            (select count(*)::int from org_units c where c.province_id = p.id and c.kind = 'commune'
               and c.valid_to is null) as communes,
            (select count(*)::int from activities a where a.province_id = p.id) as share
          from org_units p where p.kind = 'province' and p.valid_to is null order by communes desc, p.code`,
    );
    const largest = provinces[0]!;
    const chosen = ["96", "01", largest.code].map((c) => provinces.find((p) => p.code === c)!);
    const [country] = await queryRows<{ id: string }>(
      s.database.db,
      sql`select id from org_units where kind = 'country' and valid_to is null`,
    );

    const admin = await login(s.app, "admin", DEMO_PASSWORD);
    const url = (unitId: string, groupBy: string) =>
      `/api/v1/activities/totals?orgUnitId=${unitId}&from=${YEAR}-01-01&to=${YEAR}-12-31` +
      (groupBy ? `&groupBy=${groupBy}` : "");
    const cases: Record<string, unknown> = {};
    const all: number[] = [];
    for (const p of chosen) {
      for (const g of GROUPINGS) {
        const name = `${p.name} (${p.code}) ${g ? `groupBy=${g}` : "joint"}`;
        progress(`activity-totals: ${name}…`);
        const warm = await getJson<Totals>(s.app, admin, url(p.id, g));
        const samples: number[] = [];
        for (let i = 0; i < ROUNDS; i++) samples.push((await getJson<Totals>(s.app, admin, url(p.id, g))).ms);
        all.push(...samples);
        cases[name] = {
          activities: warm.body.totals.activities,
          groups: warm.body.groups?.length ?? null,
          latencyMs: summarise(samples),
        };
      }
    }
    const national: Record<string, unknown> = {};
    for (const g of GROUPINGS) {
      const first = await getJson<Totals>(s.app, admin, url(country!.id, g));
      national[g ? `groupBy=${g}` : "joint"] = {
        activities: first.body.totals.activities,
        groups: first.body.groups?.length ?? null,
        ms: Math.round(first.ms * 10) / 10,
      };
    }
    return resultOf(
      "activity-totals",
      s,
      started,
      t0,
      { totalsP95Ms: "<= 100" },
      {
        load: {
          activities: ACTIVITIES,
          year: YEAR,
          ...load.value,
          loadMs: load.ms,
          rowsPerSecond: Math.round(ACTIVITIES / (load.ms / 1000)),
          rollupRebuildMs: rebuild.ms,
          vacuumAnalyzeMs: vacuum.ms,
          rows,
        },
        provinces: chosen.map((p) => ({
          code: p.code,
          name: p.name,
          communes: p.communes,
          activities: p.share,
        })),
        method: `app.inject as admin, sequential, 1 untimed warm-up then ${ROUNDS} timed requests per case`,
        all: summarise(all),
        cases,
        nationalOnce: national,
      },
    );
  });
}
