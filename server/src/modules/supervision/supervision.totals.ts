import { todayInVietnam, type SupervisionTotals } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { loadUnit } from "../org-units";

/**
 * Figures of a unit's subtree over a period: supervisions whose period starts in it (held), closed
 * ones, their recommendations, those answered, and those unanswered past their due date at the
 * period's end (or today, if earlier).
 */
export async function supervisionStatistics(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string },
): Promise<SupervisionTotals> {
  const today = todayInVietnam();
  const asOf = q.to < today ? q.to : today;
  const [r] = await queryRows<SupervisionTotals>(
    db,
    sql`with s as (
          select id, status from supervisions
          where rollup_path like ${`${q.rollupPathPrefix}%`}
            and period_from between ${q.from}::date and ${q.to}::date and status <> 'cancelled')
        select (select count(*) from s)::int as supervisions,
          (select count(*) from s where status = 'closed')::int as closed,
          count(r.id)::int as recommendations,
          count(r.id) filter (where r.responded_on is not null and r.responded_on <= ${asOf}::date)::int as answered,
          count(r.id) filter (where r.due_on < ${asOf}::date
            and (r.responded_on is null or r.responded_on > ${asOf}::date))::int as overdue
        from supervision_recommendations r where r.supervision_id in (select id from s)`,
  );
  return r!;
}

/** getSupervisionTotals: the figures of a unit the caller reads (supervision.read over it). */
export async function supervisionTotals(
  db: Db,
  actor: Actor,
  q: { orgUnitId: string; from: string; to: string },
): Promise<SupervisionTotals> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "supervision.read", scope: "path" });
  return supervisionStatistics(db, { rollupPathPrefix: unit.path, from: q.from, to: q.to });
}
