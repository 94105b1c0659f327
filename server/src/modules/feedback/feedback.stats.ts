import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordsOfUnit } from "../org-units";

/**
 * Indicator figures of the feedback received under a rollup path (a pre-reform unit: at the units
 * of its old subtree, `unitPath`) over [from, to]: how many, and of
 * those already due (or answered) by `asOf`, the share answered on or before the due date. The rate
 * is null while nothing received in the period is due: no data, never a made-up 100 %.
 */
export async function feedbackFigures(
  db: Db,
  p: { rollupPathPrefix: string; from: string; to: string; asOf: string; unitPath?: string | undefined },
): Promise<{ received: number; answeredOnTimeRate: number | null }> {
  const unit = { path: p.unitPath ?? p.rollupPathPrefix, rollupPath: p.rollupPathPrefix };
  const [r] = await queryRows<{ received: number; due: number; onTime: number }>(
    db,
    sql`select count(*)::int as received,
          count(*) filter (where f.answered_on is not null or f.due_on < ${p.asOf}::date)::int as due,
          count(*) filter (where f.answered_on is not null and f.answered_on <= f.due_on)::int as "onTime"
        from feedback_items f
        where ${recordsOfUnit(unit, { rollupPath: sql`f.unit_path`, orgUnitId: sql`f.org_unit_id` })}
          and f.received_on between ${p.from}::date and ${p.to}::date`,
  );
  return {
    received: r!.received,
    answeredOnTimeRate: r!.due === 0 ? null : Math.round((r!.onTime / r!.due) * 10_000) / 10_000,
  };
}
