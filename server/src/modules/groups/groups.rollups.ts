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
