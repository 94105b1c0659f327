import { addDays } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { ROLLUP_MAX_DEPTH, rollupsCover } from "../../kernel/rollups";

/** Figure columns of `activity_rollups`, named as the activity totals fields. */
export const ROLLUP_FIGURES = [
  ["activities", "activities"],
  ["attendees", "attendees"],
  ["households", "households"],
  ["students", "students"],
  ["leaflets", "leaflets"],
  ["panels", "panels"],
  ["slogans", "slogans"],
  ["broadcastItems", "broadcast_items"],
  ["broadcastHours", "broadcast_hours"],
] as const;
export type RollupField = (typeof ROLLUP_FIGURES)[number][0];
export type RollupSums = Record<RollupField, number>;

/** One row read from the rollups: `child` ("" = the unit itself), `dim` and `month` when split. */
export type RollupRow = RollupSums & { child: string; dim: string; month: string };

const SUM_COLUMNS = sql.raw(
  ROLLUP_FIGURES.map(([f, c]) => `coalesce(sum(r.${c}), 0)::float8 as "${f}"`).join(", "),
);

const segments = (path: string) => path.split("/").filter(Boolean).length;

/** A dimension filter: "" (joint totals), one value ("body:police"), or a family ("body:"). */
export type DimFilter = { exact: string } | { family: "body" | "kind" | "topic" };

/** [from, to] covers whole calendar months, so the monthly rollups answer it exactly. */
export function isWholeMonths(from: string, to: string): boolean {
  return from.endsWith("-01") && addDays(to, 1).endsWith("-01");
}

/** [from, to] covers whole calendar years, so the yearly rollups answer joint totals exactly. */
export function isWholeYears(from: string, to: string): boolean {
  return from.endsWith("-01-01") && to.endsWith("-12-31") && from <= to;
}

/**
 * Sums from the rollups for the unit at `path` (a current unit's path) over whole months
 * [from, to], with the changes not yet folded into them (`activity_rollups_live`), so exact at
 * once. `level: "children"` also returns one row per child (by its id); the unit's own row
 * has child "". The country row holds only records made at the country itself, so for the
 * country the unit's total is its own row plus its children's. Joint totals (dim "", not by dim
 * or month) over whole years are read from the yearly rollups (`activity_year_rollups_live`).
 */
export async function readActivityRollups(
  db: Db,
  opts: {
    path: string;
    from: string;
    to: string;
    dim: DimFilter;
    children?: boolean;
    byDim?: boolean;
    byMonth?: boolean;
  },
): Promise<RollupRow[]> {
  const depth = segments(opts.path);
  if (!rollupsCover(opts.path, opts.children)) throw new Error(`no rollups below depth ${ROLLUP_MAX_DEPTH}`);
  const isRoot = depth === 1;
  const under = (d: number) => sql`(r.depth = ${d} and r.unit_path like ${`${opts.path}%`})`;
  const dimCond =
    "exact" in opts.dim ? sql`r.dim = ${opts.dim.exact}` : sql`r.dim like ${`${opts.dim.family}:%`}`;
  const monthCond = sql`r.month between date_trunc('month', ${opts.from}::date)::date and ${opts.to}::date`;
  // Joint totals over whole years need no months: the yearly rollups hold one row per unit and year.
  const yearly = "exact" in opts.dim && opts.dim.exact === "" && !opts.byDim && !opts.byMonth;
  const rowsOf = (unit: SQL) =>
    yearly && isWholeYears(opts.from, opts.to)
      ? sql`select r.* from activity_year_rollups_live r where ${unit}
            and r.year between ${Number(opts.from.slice(0, 4))}::int and ${Number(opts.to.slice(0, 4))}::int`
      : sql`select r.* from activity_rollups_live r where ${unit} and ${dimCond} and ${monthCond}`;
  // Each level is read by its own arm, not one `self or kids` (or `depth <= 2`): an OR makes
  // PostgreSQL combine bitmaps and visit one heap page per child and month (~2,000 pages for a
  // province of 168 communes), and a depth range scans every dimension of both levels, where each
  // arm alone is an index-only scan of `activity_rollups_children_idx`, which carries the figures.
  // The country's own row holds only records made at the country, so its arms are always its row
  // and its provinces' rows.
  const arms = isRoot
    ? [under(1), under(2)]
    : opts.children
      ? [sql`r.unit_path = ${opts.path}`, under(depth + 1)]
      : [sql`r.unit_path = ${opts.path}`];
  const source = sql.join(arms.map(rowsOf), sql` union all `);
  const childKey = sql`case when r.depth = ${depth} then '' else split_part(substr(r.unit_path, ${opts.path.length + 1}), '/', 1) end`;
  const keys: SQL[] = [
    opts.children ? sql`${childKey} as child` : sql`'' as child`,
    opts.byDim ? sql`r.dim as dim` : sql`'' as dim`,
    opts.byMonth ? sql`to_char(r.month, 'YYYY-MM') as month` : sql`'' as month`,
  ];
  // By children, a row's (depth, unit path) names its child: the key is computed once per group.
  const group = opts.children ? sql`r.depth, r.unit_path` : sql`1`;
  const rows = await queryRows<RollupRow>(
    db,
    sql`select ${sql.join(keys, sql`, `)}, ${SUM_COLUMNS} from (${source}) r group by ${group}, 2, 3`,
  );
  return isRoot && opts.children ? rootRows(rows) : rows.map(numeric);
}

function numeric(r: RollupRow): RollupRow {
  const out = { child: r.child, dim: r.dim, month: r.month } as RollupRow;
  for (const [f] of ROLLUP_FIGURES) out[f] = Number(r[f] ?? 0);
  return out;
}

/** For the country: its own total ("" row) = its direct row + every province row, per dim and month. */
function rootRows(rows: RollupRow[]): RollupRow[] {
  const all = rows.map(numeric);
  const totals = new Map<string, RollupRow>();
  for (const r of all) {
    const key = `${r.dim}|${r.month}`;
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { ...zero(), child: "", dim: r.dim, month: r.month }));
    for (const [f] of ROLLUP_FIGURES) t[f] += r[f];
  }
  return [...all.filter((r) => r.child !== ""), ...totals.values()];
}

export function zero(): RollupSums {
  return Object.fromEntries(ROLLUP_FIGURES.map(([f]) => [f, 0])) as RollupSums;
}

/**
 * Recomputes every rollup row from the records in one set-based statement (the same expressions as
 * the triggers and the folder). For bulk loads that disable the triggers, and for repairs
 * (`rebuild-rollups`). The pending changes are dropped: the recount covers them. Safe beside
 * running servers: writes to activities wait until it commits (SHARE lock), and the folders wait
 * on the pending table, so no change is counted twice or lost.
 */
export async function rebuildActivityRollups(
  db: Db,
): Promise<{ activities: number; pendingDropped: number; rollupRows: number }> {
  return db.transaction(async (tx) => {
    // The writers' order (activities, then the pending table, then the rollups): no deadlock.
    await tx.execute(sql`lock table activities in share mode`);
    await tx.execute(sql`lock table activity_rollup_pending, activity_rollups, activity_year_rollups
      in exclusive mode`);
    const [dropped] = await queryRows<{ n: number }>(
      tx,
      sql`with d as (delete from activity_rollup_pending returning 1) select count(*)::int as n from d`,
    );
    await tx.execute(sql`delete from activity_rollups`);
    await tx.execute(sql`insert into activity_rollups (unit_path, depth, month, dim, activities, attendees,
        households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
      select p.unit_path, p.depth, date_trunc('month', a.date)::date, d.dim, count(*), sum(a.attendees),
        sum(a.households), sum(a.students), sum(a.leaflets), sum(a.panels), sum(a.slogans),
        sum(a.broadcast_items), sum(a.broadcast_hours)
      from activities a
      cross join lateral activity_rollups_ancestors(a.rollup_path) p
      cross join lateral activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
      group by 1, 2, 3, 4`);
    await tx.execute(sql`delete from activity_year_rollups`);
    await tx.execute(sql`insert into activity_year_rollups (unit_path, depth, year, activities, attendees,
        households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
      select p.unit_path, p.depth, extract(year from a.date)::int, count(*), sum(a.attendees),
        sum(a.households), sum(a.students), sum(a.leaflets), sum(a.panels), sum(a.slogans),
        sum(a.broadcast_items), sum(a.broadcast_hours)
      from activities a
      cross join lateral activity_rollups_ancestors(a.rollup_path) p
      group by 1, 2, 3`);
    const [counts] = await queryRows<{ activities: number; rollupRows: number }>(
      tx,
      sql`select (select count(*)::int from activities) as activities,
        (select count(*)::int from activity_rollups) as "rollupRows"`,
    );
    return { ...counts!, pendingDropped: dropped!.n };
  });
}
