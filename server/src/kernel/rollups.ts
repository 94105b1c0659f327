import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The unit-path convention every rollup table shares (activities, households, groups,
 * certification; see decision 0007): rows are kept for the country, provinces and communes — the
 * ancestors `activity_rollups_ancestors()` gives a record's rollup path in the trigger migrations.
 * Each records module reads its own rollup table with these helpers; the table is aliased `r`.
 */

/**
 * The rule of the distribution key (decisions 0014, 0018, 0019), for a check constraint: a place-bound
 * record's `province_id` is the province of its rollup path, the path's second segment (null only
 * for a record of the country itself). Compared as text, so a path not made of ids is refused
 * rather than failing on a cast.
 */
export function provinceOfPath(provinceId: AnyColumn, rollupPath: AnyColumn): SQL {
  return sql`${provinceId}::text is not distinct from nullif(split_part(${rollupPath}, '/', 3), '')`;
}

const segments = (path: string) => path.split("/").filter(Boolean).length;

/** Rollup rows exist down to this depth (1 country, 2 province, 3 commune): see the trigger migration. */
export const ROLLUP_MAX_DEPTH = 3;

/** The rollups hold the unit at `path` (and, with `children`, its children). */
export function rollupsCover(path: string, children = false): boolean {
  return segments(path) + (children ? 1 : 0) <= ROLLUP_MAX_DEPTH;
}

/** Whether the household, group and certification rollups answer for `path` (and its children). */
export function stockRollupsCover(path: string, children = false): boolean {
  return segments(path) >= 1 && rollupsCover(path, children);
}

/**
 * The rollup rows that partition the records under `path` (`source(table, cond)`: a subquery to
 * alias `r`, `cond` on `r`; `key`: the group of a row of `r`, the first column; `group`: what to
 * group by for it): with `children`,
 * one group per child (keyed by the child's path segment) and "" for records of the unit itself;
 * without, everything in "". The country's own row holds only records made at the country; any
 * other unit's row holds its whole subtree (see `ownRecords`).
 */
export function partition(
  path: string,
  children: boolean,
): { key: SQL; group: SQL; source: (table: string, cond: SQL) => SQL } {
  const depth = segments(path);
  const under = (d: number) => sql`(r.depth = ${d} and r.unit_path like ${`${path}%`})`;
  const own = depth === 1 ? [under(1), under(2)] : [sql`(r.depth = ${depth} and r.unit_path = ${path})`];
  const arms = children && depth > 1 ? [...own, under(depth + 1)] : own;
  const key = children
    ? sql`case when r.depth = ${depth} then '' else split_part(substr(r.unit_path, ${path.length + 1}::int), '/', 1) end`
    : sql`''`;
  // Each level is read by its own arm: an OR (or a depth range) makes PostgreSQL combine bitmaps and
  // visit a heap page per row, or scan the table, where each arm alone is a range of the table's
  // children index (which carries the figures: index-only).
  const source = (table: string, cond: SQL) =>
    sql`(${sql.join(
      arms.map((arm) => sql`select r.* from ${sql.raw(table)} r where ${arm} and ${cond}`),
      sql` union all `,
    )})`;
  // Within the arms a row's (depth, unit path) names its group (one path per child; the unit's own
  // row): grouping by them computes the key once per group, not once per row. Without children
  // the key is constant: the readers' first column.
  const group = children ? sql`r.depth, r.unit_path` : sql`1`;
  return { key, group, source };
}

/** Below the country, a unit's "" group read with its children is its row minus its children's. */
export function ownRecords<T extends { grp: string }>(
  path: string,
  children: boolean,
  rows: T[],
  fields: (keyof T & string)[],
  keyOf: (r: T) => string,
): T[] {
  if (!children || segments(path) === 1) return rows;
  const own = new Map<string, T>();
  for (const r of rows) if (r.grp === "") own.set(keyOf(r), { ...r });
  for (const r of rows) {
    if (r.grp === "") continue;
    let o = own.get(keyOf(r));
    if (!o) {
      o = { ...r, grp: "" };
      for (const f of fields) (o[f] as number) = 0;
      own.set(keyOf(r), o);
    }
    for (const f of fields) (o[f] as number) -= r[f] as number;
  }
  return [...rows.filter((r) => r.grp !== ""), ...own.values()];
}
