import { sql, type SQL } from "drizzle-orm";

/**
 * The subtree asked about: today's unit by its rollup path; a pre-reform unit (`unitPath`, its own
 * path) by the communes of its old subtree, found under the rollup path they count in.
 */
export type Subtree = { rollupPathPrefix: string; unitPath?: string | undefined };

/**
 * A dated row of a case that keeps the rollup path of its time (a classification, a support) in the
 * subtree; for a pre-reform unit, the file was held by a commune of its old subtree on that date.
 */
export function caseRowIn(q: Subtree, row: { rollupPath: SQL; caseId: SQL; on: SQL }): SQL {
  const under = sql`${row.rollupPath} like ${`${q.rollupPathPrefix}%`}`;
  if (!q.unitPath) return under;
  return sql`(${under} and exists (select 1 from case_holdings h2 join org_units ou on ou.id = h2.commune_id
    where h2.case_id = ${row.caseId} and h2.held_from <= ${row.on}
      and (h2.held_until is null or h2.held_until > ${row.on}) and ou.path like ${`${q.unitPath}%`}))`;
}
