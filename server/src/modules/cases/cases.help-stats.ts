import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { caseRowIn, type Subtree } from "./cases.subtree";

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
 * file changes no past count. Reception counts by its date, an outcome by the outcome's date. For a
 * pre-reform unit (`unitPath`), the file was held by a commune of its old subtree on that date.
 */
export async function caseHelpFigures(
  db: Db,
  q: Subtree & { from: string; to: string },
): Promise<HelpCounts> {
  const rowIn = (alias: string, on: string) =>
    caseRowIn(q, {
      rollupPath: sql.raw(`${alias}.rollup_path`),
      caseId: sql.raw(`${alias}.case_id`),
      on: sql.raw(on),
    });
  const inPeriod = (column: string) => sql`(${sql.raw(column)} between ${q.from}::date and ${q.to}::date)`;
  const received = sql`(${inPeriod("i.received_on")} and ${rowIn("i", "i.received_on")})`;
  const ended = sql`(${inPeriod("i.outcome_on")} and ${rowIn("i", "i.outcome_on")})`;
  const [h] = await queryRows<
    Pick<
      HelpCounts,
      "helpInstances" | "helpPersons" | "reformedInstances" | "reformedPersons" | "relapsedInstances"
    >
  >(
    db,
    sql`select
        count(*) filter (where ${received})::int as "helpInstances",
        count(distinct i.case_id) filter (where ${received})::int as "helpPersons",
        count(*) filter (where i.outcome = 'reformed' and ${ended})::int as "reformedInstances",
        count(distinct i.case_id) filter (where i.outcome = 'reformed' and ${ended})::int as "reformedPersons",
        count(*) filter (where i.outcome = 'relapsed' and ${ended})::int as "relapsedInstances"
      from case_help_instances i where ${received} or ${ended}`,
  );
  const [r] = await queryRows<Pick<HelpCounts, "referrals" | "compulsoryReferrals">>(
    db,
    sql`select count(*)::int as referrals, count(*) filter (where r.mode = 'compulsory')::int as "compulsoryReferrals"
      from case_referrals r where ${rowIn("r", "r.referred_on")} and ${inPeriod("r.referred_on")}`,
  );
  const [s] = await queryRows<Pick<HelpCounts, "communitySessions" | "communityEducated">>(
    db,
    sql`select count(*)::int as "communitySessions", count(distinct s.case_id)::int as "communityEducated"
      from case_community_sessions s where ${rowIn("s", "s.held_on")} and ${inPeriod("s.held_on")}`,
  );
  return { ...h!, ...r!, ...s! };
}
