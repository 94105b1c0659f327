import { todayInVietnam } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** How many due records a dry run lists. */
const DRY_RUN_LIST = 100;

/**
 * The files whose supervision ended because the person's record no longer stands: a released
 * prisoner's file closed as "expunged" (Circular 10/2024/TT-BCA Art. 7 and 14: managed until the
 * record is expunged), an education-at-the-commune file whose measure was served or ended early
 * (Decree 120/2021/NĐ-CP [?]: when such a measure stops counting against the person is not in the
 * domain rules). Files closed on other grounds (died, settled abroad, missing, re-imprisoned) and
 * the other kinds are not covered by this rule.
 */
const ENDED_CLEAN = sql`((c.kind = 'released_prisoner' and c.outcome = 'expunged')
  or (c.kind = 'commune_education' and c.outcome in ('completed', 'ended_early')))`;

/**
 * Retention of case files (issue 19): a file of ENDED_CLEAN closed before `cutoff` loses every
 * sealed field that identifies the person or tells their offence — name, date of birth, identity
 * number and its blind index, offence and its category, notes, the mentor's name, the closing
 * notes, the assignment decision number — and the sealed text of its reports, classifications,
 * supports, transfers, help instances, referrals and community sessions. `deidentified_on` marks
 * it; the file no longer appears in lists or reads (caseReadable). Kinds, units, dates, statuses,
 * groups, outcomes and holdings stay, so `caseStatistics` and `caseHelpFigures` are unchanged.
 * `pathPrefixes` limits it to those rollup paths (null: everywhere). Run in the caller's transaction.
 */
export async function deidentifyEndedCases(
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
): Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }> {
  const scope: SQL = opts.pathPrefixes
    ? sql`(${sql.join(
        opts.pathPrefixes.map((p) => sql`c.rollup_path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql`true`;
  const due = sql`c.status = 'closed' and c.deidentified_on is null and c.closed_on < ${opts.cutoff}::date
    and ${ENDED_CLEAN} and ${scope}`;
  if (opts.dryRun) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from cases c where ${due}`,
    );
    // The first records it would change: ids and units only, no personal data (issue 19).
    const records = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select c.id as id, c.org_unit_id as "unitId" from cases c where ${due} order by c.closed_on, c.id limit ${DRY_RUN_LIST}`,
    );
    return { due: row?.n ?? 0, done: 0, records };
  }
  const ids = (
    await queryRows<{ id: string }>(
      tx,
      sql`update cases c set full_name_sealed = null, date_of_birth_sealed = null, identity_sealed = null,
            identity_index = '', offence_category_sealed = null, offence_sealed = null, notes_sealed = null,
            mentor_name_sealed = null, close_notes_sealed = null, decision_number = null,
            deidentified_on = ${todayInVietnam()}::date,
            updated_at = now()
          where ${due} returning c.id`,
    )
  ).map((r) => r.id);
  if (ids.length) {
    const of = sql`case_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
    await tx.execute(sql`update case_reports set summary_sealed = null where ${of}`);
    await tx.execute(sql`update case_classifications set notes_sealed = null where ${of}`);
    await tx.execute(sql`update case_supports set notes_sealed = null where ${of}`);
    await tx.execute(sql`update case_transfers set reason_sealed = null where ${of}`);
    await tx.execute(sql`update case_help_instances set notes_sealed = null where ${of}`);
    await tx.execute(sql`update case_referrals set notes_sealed = null where ${of}`);
    await tx.execute(sql`update case_community_sessions set commitments_sealed = null where ${of}`);
  }
  return { due: ids.length, done: ids.length };
}
