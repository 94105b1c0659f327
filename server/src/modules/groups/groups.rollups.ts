import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { ownRecords, partition } from "../../kernel/rollups";

/**
 * Reader of `group_rollups` (groups.table.ts), kept by the triggers of migration `stock_rollups`
 * (decision 0007). Only for units the rollups cover (`stockRollupsCover`).
 */

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
        from ${p.source("group_rollups", sql`r.day <= ${at}::date`)} r group by ${p.group}, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({ ...r, groups: Number(r.groups), members: Number(r.members) })),
    ["groups", "members"],
    (r) => r.typeCode,
  );
}

export type GroupCategoryRollupRow = {
  grp: string;
  groups: number;
  members: number;
  teams: number;
  models: number;
};

/**
 * Groups existing on `at`, their active members, and the groups among them that are teams or
 * models, per group (child or ""): the yearly rows (`group_year_rollups`) of the years before
 * `at`'s, plus the daily rows of its own year up to `at` — a few rows per unit, not one per type
 * and day of change.
 */
export async function readGroupCategoryRollups(
  db: Db,
  path: string,
  at: string,
  children: boolean,
): Promise<GroupCategoryRollupRow[]> {
  const p = partition(path, children);
  const year = Number(at.slice(0, 4));
  const rows = await queryRows<GroupCategoryRollupRow>(
    db,
    sql`select x.grp, sum(x.groups)::int as groups, sum(x.members)::int as members,
          sum(x.teams)::int as teams, sum(x.models)::int as models
        from (
          select ${p.key} as grp, sum(r.groups) as groups, sum(r.members) as members,
            sum(r.teams) as teams, sum(r.models) as models
          from ${p.source("group_year_rollups", sql`r.year < ${year}::int`)} r group by ${p.group}
          union all
          select ${p.key}, sum(r.groups), sum(r.members),
            coalesce(sum(r.groups) filter (where t.category = 'team'), 0),
            coalesce(sum(r.groups) filter (where t.category = 'model'), 0)
          from ${p.source("group_rollups", sql`r.day between ${`${year}-01-01`}::date and ${at}::date`)} r
          left join group_types t on t.code = r.type_code group by ${p.group}
        ) x group by 1`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({
      grp: r.grp,
      groups: Number(r.groups),
      members: Number(r.members),
      teams: Number(r.teams),
      models: Number(r.models),
    })),
    ["groups", "members", "teams", "models"],
    () => "",
  );
}
