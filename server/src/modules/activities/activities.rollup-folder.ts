import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { preparedRows } from "../../kernel/statements";

/**
 * Folds the pending activity changes into `activity_rollups` and `activity_year_rollups` (decision
 * in migration `activity_rollups_deferred`; the yearly totals since `activity_year_rollups`). A
 * write only appends its activity's figures to `activity_rollup_pending` (no shared row, no lock
 * held to its commit); this takes up to `limit` committed pending rows, deletes them and adds their
 * sums to both rollups, in one statement (so a reader of `activity_rollups_live` or
 * `activity_year_rollups_live` sees each change exactly once, before and after). Rows another
 * process is folding are skipped (`skip locked`): any number of processes may fold at once.
 * The batch's ids are locked once, into an array (an init plan), then deleted through the index:
 * with `id in (select …)` the planner, given the statistics of an empty pending table (the usual
 * case: the folder keeps it short), re-ran the locking subquery for every pending row.
 * Rollup rows are upserted in key order, so concurrent folds lock them in the same order.
 * The folder runs it four times a second: it is a prepared statement with the limit written in
 * (no parameter), so it is planned once per connection, not on every run (planning it inside
 * PGlite's engine took 12–25 ms, whether or not anything was pending).
 *
 * Set-based in two steps: the changes are first summed per (rollup path, month, dimension) —
 * each change's month computed once, from its date without a time zone (the same first day of
 * the month as `date_trunc` on the date in the session's zone, which the views use) — and the
 * ancestors are computed once per distinct rollup path, then joined and summed per rollup row;
 * the yearly rows sum the joint ("") dimension's monthly sums. It used to compute, for every
 * change × dimension × ancestor, the ancestor's path from the rollup path's segments and the
 * month through a time-zone conversion, then group all of those rows (EXPLAIN ANALYZE on PGlite,
 * 1,000 changes of one unit: that expansion was ~85 of ~100 ms before the upserts).
 */
export async function foldActivityRollups(db: Db, limit = 5000): Promise<number> {
  const [row] = await preparedRows<{ n: number }>(db, foldStatement(limit));
  return row?.n ?? 0;
}

/** The fold of up to `limit` pending changes, as one statement (answers `n`, the changes taken). */
export function foldStatement(limit: number): SQL {
  return sql`with taken as (
          delete from activity_rollup_pending where id = any(array(
            select id from activity_rollup_pending order by id limit ${sql.raw(String(Math.trunc(limit)))}
            for update skip locked))
          returning *),
        by_dim as (
          select a.rollup_path, date_trunc('month', a.date::timestamp)::date as month, d.dim,
            sum(a.sign) as activities, sum(a.sign * a.attendees) as attendees,
            sum(a.sign * a.households) as households, sum(a.sign * a.students) as students,
            sum(a.sign * a.leaflets) as leaflets, sum(a.sign * a.panels) as panels,
            sum(a.sign * a.slogans) as slogans, sum(a.sign * a.broadcast_items) as broadcast_items,
            sum(a.sign * a.broadcast_hours) as broadcast_hours
          from taken a
          cross join lateral activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
          group by 1, 2, 3),
        up as (
          select t.rollup_path, p.unit_path, p.depth
          from (select distinct rollup_path from taken) t
          cross join lateral activity_rollups_ancestors(t.rollup_path) p),
        folded as (
          insert into activity_rollups as r (unit_path, depth, month, dim, activities, attendees,
            households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
          select u.unit_path, u.depth, b.month, b.dim, sum(b.activities), sum(b.attendees),
            sum(b.households), sum(b.students), sum(b.leaflets), sum(b.panels), sum(b.slogans),
            sum(b.broadcast_items), sum(b.broadcast_hours)
          from by_dim b join up u on u.rollup_path = b.rollup_path
          group by 1, 2, 3, 4 order by 1, 4, 3
          on conflict (unit_path, dim, month) do update set
            activities = r.activities + excluded.activities, attendees = r.attendees + excluded.attendees,
            households = r.households + excluded.households, students = r.students + excluded.students,
            leaflets = r.leaflets + excluded.leaflets, panels = r.panels + excluded.panels,
            slogans = r.slogans + excluded.slogans,
            broadcast_items = r.broadcast_items + excluded.broadcast_items,
            broadcast_hours = r.broadcast_hours + excluded.broadcast_hours),
        folded_years as (
          insert into activity_year_rollups as r (unit_path, depth, year, activities, attendees,
            households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
          select u.unit_path, u.depth, extract(year from b.month)::int, sum(b.activities),
            sum(b.attendees), sum(b.households), sum(b.students), sum(b.leaflets), sum(b.panels),
            sum(b.slogans), sum(b.broadcast_items), sum(b.broadcast_hours)
          from by_dim b join up u on u.rollup_path = b.rollup_path
          where b.dim = ''
          group by 1, 2, 3 order by 1, 3
          on conflict (unit_path, year) do update set
            activities = r.activities + excluded.activities, attendees = r.attendees + excluded.attendees,
            households = r.households + excluded.households, students = r.students + excluded.students,
            leaflets = r.leaflets + excluded.leaflets, panels = r.panels + excluded.panels,
            slogans = r.slogans + excluded.slogans,
            broadcast_items = r.broadcast_items + excluded.broadcast_items,
            broadcast_hours = r.broadcast_hours + excluded.broadcast_hours)
        select count(*)::int as n from taken`;
}

export type RollupFolder = { stop: () => Promise<void> };

/**
 * Folds pending activity changes in the background: every `intervalMs` (at once again while a
 * batch was full). The readers add what is still pending, so figures are exact at any time; the
 * folder only keeps the pending table short. `stop` waits for the batch in progress and folds
 * what is left (best effort).
 */
export function startRollupFolder(
  db: Db,
  options: { intervalMs?: number; limit?: number; onError?: (err: unknown) => void } = {},
): RollupFolder {
  const intervalMs = options.intervalMs ?? 250;
  const limit = options.limit ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    let full = false;
    try {
      full = (await foldActivityRollups(db, limit)) === limit;
    } catch (err) {
      options.onError?.(err);
    }
    if (!stopped) {
      timer = setTimeout(
        () => {
          running = tick();
        },
        full ? 0 : intervalMs,
      );
      timer.unref();
    }
  };
  timer = setTimeout(() => {
    running = tick();
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      try {
        while ((await foldActivityRollups(db, limit)) === limit);
      } catch (err) {
        options.onError?.(err);
      }
    },
  };
}

/**
 * Changes written and not yet folded (a /metrics gauge). Readers add every pending row to what the
 * rollups hold, so a backlog that keeps growing (the folder falling behind the writes, or a bulk
 * load with the triggers on) keeps the figures exact but makes every one of them slower.
 */
export async function pendingRollupChanges(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from activity_rollup_pending`,
  );
  return row?.n ?? 0;
}
