import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** How many due records a dry run lists. */
const DRY_RUN_LIST = 100;

/**
 * Retention of rosters (issue 19): a member who left the group before `cutoff` loses their
 * identity — sealed name, its search index, ethnicity, religion, notes, birth date and the age
 * exception's decision — while the row, its role, join and leave dates stay, so the group rollups
 * (kept by triggers on the dates) and every member count are unchanged. `pathPrefixes` limits it
 * to groups under those rollup paths (null: everywhere). Run inside the caller's transaction;
 * answers the rows due and, unless `dryRun`, de-identified.
 */
export async function deidentifyLeftMembers(
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
): Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }> {
  const scope: SQL = opts.pathPrefixes
    ? sql`(${sql.join(
        opts.pathPrefixes.map((p) => sql`g.rollup_path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const due = sql`m.left_on is not null and m.left_on < ${opts.cutoff}::date and m.deidentified_at is null
    and m.group_id in (select g.id from groups g where ${scope})`;
  if (opts.dryRun) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from group_members m where ${due}`,
    );
    // The first records it would change: ids and units only, no personal data (issue 19).
    const records = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select m.id as id, (select g.org_unit_id from groups g where g.id = m.group_id) as "unitId" from group_members m where ${due} order by m.left_on, m.id limit ${DRY_RUN_LIST}`,
    );
    return { due: row?.n ?? 0, done: 0, records };
  }
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update group_members m set full_name = null, full_name_sealed = null, name_index = null,
          ethnicity_sealed = null, religion_sealed = null, notes_sealed = null, birth_date = null,
          age_exception_decision = null, deidentified_at = now()
        where ${due} returning m.id`,
  );
  return { due: rows.length, done: rows.length };
}
