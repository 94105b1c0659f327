import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** Commendation figures of a subtree over a period: nominations, decisions by form, published deeds. */
export async function commendationStatistics(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string },
) {
  const prefix = `${q.rollupPathPrefix}%`;
  const [r] = await queryRows<{ nominated: number; decided: number; published: number }>(
    db,
    sql`select
        count(*) filter (where c.nominated_on between ${q.from}::date and ${q.to}::date)::int as nominated,
        count(*) filter (where c.decided_on between ${q.from}::date and ${q.to}::date)::int as decided,
        count(*) filter (where c.published and c.consent_given is true)::int as published
      from commendations c where c.rollup_path like ${prefix}`,
  );
  const byForm = await queryRows<{ awardForm: string; n: number }>(
    db,
    sql`select award_form as "awardForm", count(*)::int as n from commendations
        where rollup_path like ${prefix} and decided_on between ${q.from}::date and ${q.to}::date group by award_form`,
  );
  return { ...r!, decidedByForm: Object.fromEntries(byForm.map((b) => [b.awardForm, b.n])) };
}
