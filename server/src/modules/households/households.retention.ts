import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** How many due records a dry run lists. */
const DRY_RUN_LIST = 100;

/**
 * Retention of the household register (issue 19): a household that moved out before `cutoff`
 * loses its head's name, address, register number and search text (the head name is left empty,
 * which no form accepts: that is the mark of a de-identified row). The row, its unit and its dates
 * stay, so the coverage rollups and every figure are unchanged. `pathPrefixes` limits it to those
 * rollup paths (null: everywhere). Run inside the caller's transaction.
 */
export async function deidentifyMovedOutHouseholds(
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
): Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }> {
  const scope: SQL = opts.pathPrefixes
    ? sql`(${sql.join(
        opts.pathPrefixes.map((p) => sql`h.rollup_path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const due = sql`h.moved_out_on is not null and h.moved_out_on < ${opts.cutoff}::date and h.head_name <> ''
    and ${scope}`;
  if (opts.dryRun) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from households h where ${due}`,
    );
    // The first records it would change: ids and units only, no personal data (issue 19).
    const records = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select h.id as id, h.org_unit_id as "unitId" from households h where ${due} order by h.moved_out_on, h.id limit ${DRY_RUN_LIST}`,
    );
    return { due: row?.n ?? 0, done: 0, records };
  }
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update households h set head_name = '', address = '', code = null, search_text = ''
        where ${due} returning h.id`,
  );
  return { due: rows.length, done: rows.length };
}
