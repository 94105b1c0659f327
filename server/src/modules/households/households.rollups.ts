import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { ownRecords, partition } from "../../kernel/rollups";

/**
 * Reader of `household_rollups` (households.table.ts), kept by the triggers of migration
 * `stock_rollups` (decision 0007). Only for units the rollups cover (`stockRollupsCover`).
 */

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
        from ${p.source("household_rollups", sql`r.year <= ${year}::int`)} r group by ${p.group}, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({ ...r, n: Number(r.n), s: Number(r.s) })),
    ["n", "s"],
    (r) => r.org ?? "",
  );
}

export type SafeFamilyRollupRow = { grp: string; recognised: number; late: number };

/** Standing safe-family recognitions of `year` (and the late households) from the rollups, per group. */
export async function readSafeFamilyRollups(
  db: Db,
  path: string,
  year: number,
  children: boolean,
): Promise<SafeFamilyRollupRow[]> {
  const p = partition(path, children);
  const rows = await queryRows<SafeFamilyRollupRow>(
    db,
    sql`select ${p.key} as grp, coalesce(sum(r.recognised), 0)::int as recognised,
          coalesce(sum(r.late), 0)::int as late
        from ${p.source("safe_family_rollups", sql`r.year = ${year}::int`)} r group by ${p.group}`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({ ...r, recognised: Number(r.recognised), late: Number(r.late) })),
    ["recognised", "late"],
    () => "",
  );
}
