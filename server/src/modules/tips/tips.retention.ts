import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { dropContactIndex } from "../citizen";

/** How many due records a dry run lists. */
const DRY_RUN_LIST = 100;

/**
 * Retention of tipsters' contact details (issue 19): once the police's dialogue has closed — a
 * decision recorded (case opened, no case) or the tip transferred — before `cutoff`, the sealed
 * contact is dropped. Content, outcome and figures stay (`tipFigures` counts rows and outcomes).
 * `pathPrefixes` limits it to those unit paths (null: everywhere). Run in the caller's transaction.
 */
export async function dropClosedTipContacts(
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
): Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }> {
  const scope: SQL = opts.pathPrefixes
    ? sql`(${sql.join(
        opts.pathPrefixes.map((p) => sql`t.unit_path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const due = sql`t.contact is not null and t.status in ('case_opened', 'no_case', 'transferred')
    and coalesce(t.decided_at, t.transferred_at) < (${opts.cutoff}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    and ${scope}`;
  if (opts.dryRun) {
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from tips t where ${due}`);
    // The first records it would change: ids and units only, no personal data (issue 19).
    const records = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select t.id as id, t.org_unit_id as "unitId" from tips t where ${due} order by coalesce(t.decided_at, t.transferred_at), t.id limit ${DRY_RUN_LIST}`,
    );
    return { due: row?.n ?? 0, done: 0, records };
  }
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update tips t set contact = null where ${due} returning t.id`,
  );
  // The blind-index rows go with the contact: no term may point to an erased one.
  await dropContactIndex(
    tx,
    "tip",
    rows.map((r) => r.id),
  );
  return { due: rows.length, done: rows.length };
}
