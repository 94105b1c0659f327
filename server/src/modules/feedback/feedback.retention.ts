import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { dropContactIndex } from "../citizen";

/** How many due records a dry run lists. */
const DRY_RUN_LIST = 100;

/**
 * Retention of feedback senders' identity (issue 19): an item closed (answered, transferred or
 * rejected) before `cutoff` loses the sender's sealed identity and contact; its title, content,
 * answer and dates stay, and so do the figures. `pathPrefixes` limits it to those unit paths
 * (null: everywhere). Run inside the caller's transaction.
 */
export async function dropClosedFeedbackIdentities(
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
): Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }> {
  const scope: SQL = opts.pathPrefixes
    ? sql`(${sql.join(
        opts.pathPrefixes.map((p) => sql`f.unit_path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const due = sql`f.identity is not null and f.status in ('answered', 'transferred', 'rejected')
    and coalesce(f.answered_on, f.received_on) < ${opts.cutoff}::date and ${scope}`;
  if (opts.dryRun) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from feedback_items f where ${due}`,
    );
    // The first records it would change: ids and units only, no personal data (issue 19).
    const records = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select f.id as id, f.org_unit_id as "unitId" from feedback_items f where ${due} order by coalesce(f.answered_on, f.received_on), f.id limit ${DRY_RUN_LIST}`,
    );
    return { due: row?.n ?? 0, done: 0, records };
  }
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update feedback_items f set identity = null where ${due} returning f.id`,
  );
  // The blind-index rows go with the contact: no term may point to an erased one.
  await dropContactIndex(
    tx,
    "feedback",
    rows.map((r) => r.id),
  );
  return { due: rows.length, done: rows.length };
}
