import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { rollupsCover } from "./activity-rollups";

const segments = (path: string) => path.split("/").filter(Boolean).length;

/**
 * The rollup rows (table aliased `r`) that partition the records under `path`: with `children`,
 * one group per child (keyed by the child's path segment) and "" for records of the unit itself;
 * without, everything in "". The country's own row holds only records made at the country; any
 * other unit's row holds its whole subtree (see `ownRecords`).
 */
export function partition(path: string, children: boolean): { where: SQL; key: SQL } {
  const depth = segments(path);
  const self =
    depth === 1 ? sql`(r.depth <= 2 and r.unit_path like ${`${path}%`})` : sql`r.unit_path = ${path}`;
  if (!children) return { where: self, key: sql`''` };
  const key = sql`case when r.depth = ${depth} then '' else split_part(substr(r.unit_path, ${path.length + 1}::int), '/', 1) end`;
  if (depth === 1) return { where: self, key };
  return { where: sql`(${self} or (r.depth = ${depth + 1} and r.unit_path like ${`${path}%`}))`, key };
}

/** Whether the household and group rollups answer for `path` (and its children). */
export function stockRollupsCover(path: string, children = false): boolean {
  return segments(path) >= 1 && rollupsCover(path, children);
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

export type HouseholdRollupRow = { grp: string; org: string | null; n: number; s: number };

/**
 * Household coverage for `year` from the rollups, in the row shape of `coverageGroups`: per group
 * (child or ""), `org` null for every household, "*" for member households, else one organisation.
 */
export async function readHouseholdRollups(
  db: Db,
  path: string,
  year: number,
  children: boolean,
): Promise<HouseholdRollupRow[]> {
  const p = partition(path, children);
  const rows = await queryRows<HouseholdRollupRow>(
    db,
    sql`select ${p.key} as grp, nullif(r.org, '') as org,
          (coalesce(sum(r.stock), 0) + coalesce(sum(r.extra) filter (where r.year = ${year}::int), 0))::int as n,
          coalesce(sum(r.signed) filter (where r.year = ${year}::int), 0)::int as s
        from household_rollups r where ${p.where} and r.year <= ${year}::int group by 1, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({ ...r, n: Number(r.n), s: Number(r.s) })),
    ["n", "s"],
    (r) => r.org ?? "",
  );
}

export type GroupRollupRow = { grp: string; typeCode: string; groups: number; members: number };

/** Groups existing on `at` and their active members, per group (child or "") and type. */
export async function readGroupRollups(
  db: Db,
  path: string,
  at: string,
  children: boolean,
): Promise<GroupRollupRow[]> {
  const p = partition(path, children);
  const rows = await queryRows<GroupRollupRow>(
    db,
    sql`select ${p.key} as grp, r.type_code as "typeCode", sum(r.groups)::int as groups, sum(r.members)::int as members
        from group_rollups r where ${p.where} and r.day <= ${at}::date group by 1, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({ ...r, groups: Number(r.groups), members: Number(r.members) })),
    ["groups", "members"],
    (r) => r.typeCode,
  );
}

export type CertificationRollupRow = {
  grp: string;
  kind: string;
  units: number;
  cycles: number;
  recognised: number;
};

/** Current units of the certified kinds and their cycles of `year`, per group (child or "") and kind. */
export async function readCertificationRollups(
  db: Db,
  path: string,
  year: number,
  children: boolean,
): Promise<CertificationRollupRow[]> {
  const p = partition(path, children);
  const rows = await queryRows<CertificationRollupRow>(
    db,
    sql`select ${p.key} as grp, r.kind,
          coalesce(sum(r.units) filter (where r.year = 0), 0)::int as units,
          coalesce(sum(r.cycles) filter (where r.year = ${year}::int), 0)::int as cycles,
          coalesce(sum(r.recognised) filter (where r.year = ${year}::int), 0)::int as recognised
        from certification_rollups r where ${p.where} and r.year in (0, ${year}::int) group by 1, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({
      ...r,
      units: Number(r.units),
      cycles: Number(r.cycles),
      recognised: Number(r.recognised),
    })),
    ["units", "cycles", "recognised"],
    (r) => r.kind,
  );
}
