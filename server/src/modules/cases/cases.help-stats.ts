import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

export type HelpCounts = {
  helpInstances: number;
  helpPersons: number;
  reformedInstances: number;
  reformedPersons: number;
  relapsedInstances: number;
  referrals: number;
  compulsoryReferrals: number;
  communitySessions: number;
  communityEducated: number;
};

/**
 * Help instances, referrals and sessions before the community of a subtree over a period: counts
 * only. Instances ("lượt") and persons are counted apart — one person received three times is three
 * instances and one person. Each record counts where it was made (its path of the time), so records
 * of pre-reform communes roll up into today's units through their paths, and a later move of the
 * file changes no past count. Reception counts by its date, an outcome by the outcome's date.
 */
export async function caseHelpFigures(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string },
): Promise<HelpCounts> {
  const prefix = `${q.rollupPathPrefix}%`;
  const inPeriod = (column: string) => sql`(${sql.raw(column)} between ${q.from}::date and ${q.to}::date)`;
  const [h] = await queryRows<
    Pick<
      HelpCounts,
      "helpInstances" | "helpPersons" | "reformedInstances" | "reformedPersons" | "relapsedInstances"
    >
  >(
    db,
    sql`select
        count(*) filter (where ${inPeriod("i.received_on")})::int as "helpInstances",
        count(distinct i.case_id) filter (where ${inPeriod("i.received_on")})::int as "helpPersons",
        count(*) filter (where i.outcome = 'reformed' and ${inPeriod("i.outcome_on")})::int as "reformedInstances",
        count(distinct i.case_id) filter (where i.outcome = 'reformed' and ${inPeriod("i.outcome_on")})::int as "reformedPersons",
        count(*) filter (where i.outcome = 'relapsed' and ${inPeriod("i.outcome_on")})::int as "relapsedInstances"
      from case_help_instances i
      where i.rollup_path like ${prefix}
        and (${inPeriod("i.received_on")} or ${inPeriod("i.outcome_on")})`,
  );
  const [r] = await queryRows<Pick<HelpCounts, "referrals" | "compulsoryReferrals">>(
    db,
    sql`select count(*)::int as referrals, count(*) filter (where r.mode = 'compulsory')::int as "compulsoryReferrals"
      from case_referrals r where r.rollup_path like ${prefix} and ${inPeriod("r.referred_on")}`,
  );
  const [s] = await queryRows<Pick<HelpCounts, "communitySessions" | "communityEducated">>(
    db,
    sql`select count(*)::int as "communitySessions", count(distinct s.case_id)::int as "communityEducated"
      from case_community_sessions s where s.rollup_path like ${prefix} and ${inPeriod("s.held_on")}`,
  );
  return { ...h!, ...r!, ...s! };
}
