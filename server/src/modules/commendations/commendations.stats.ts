import {
  AWARD_LEVEL_OF,
  AWARD_LEVELS,
  ENDORSEMENT_LEVELS,
  type CommendationStatistics,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { loadUnit, recordsOfUnit } from "../org-units";

/**
 * Commendation figures of a subtree over a period: nominations, decisions by form and by the level
 * that awards them (local, province, ministry, national), approving opinions per endorsement level,
 * published deeds.
 */
export async function commendationStatistics(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string; unitPath?: string | undefined },
): Promise<CommendationStatistics> {
  // A pre-reform unit (`unitPath`): the commendations made at the units of its old subtree.
  const inUnit = recordsOfUnit(
    { path: q.unitPath ?? q.rollupPathPrefix, rollupPath: q.rollupPathPrefix },
    { rollupPath: sql`c.rollup_path`, orgUnitId: sql`c.org_unit_id` },
  );
  const [r] = await queryRows<{ nominated: number; decided: number; published: number }>(
    db,
    sql`select
        count(*) filter (where c.nominated_on between ${q.from}::date and ${q.to}::date)::int as nominated,
        count(*) filter (where c.decided_on between ${q.from}::date and ${q.to}::date)::int as decided,
        count(*) filter (where c.published and c.consent_given is true)::int as published
      from commendations c where ${inUnit}`,
  );
  const byForm = await queryRows<{ awardForm: string; n: number }>(
    db,
    sql`select c.award_form as "awardForm", count(*)::int as n from commendations c
        where ${inUnit} and c.decided_on between ${q.from}::date and ${q.to}::date group by c.award_form`,
  );
  const byLevel = await queryRows<{ level: string; n: number }>(
    db,
    sql`select e.level, count(*)::int as n from commendation_endorsements e
        join commendations c on c.id = e.commendation_id
        where ${inUnit} and e.approve and e.endorsed_on between ${q.from}::date and ${q.to}::date
        group by e.level`,
  );
  const decidedByLevel = Object.fromEntries(
    AWARD_LEVELS.map((l) => [l, 0]),
  ) as CommendationStatistics["decidedByLevel"];
  for (const b of byForm) {
    const level = AWARD_LEVEL_OF[b.awardForm as keyof typeof AWARD_LEVEL_OF] ?? "other";
    decidedByLevel[level] = (decidedByLevel[level] ?? 0) + b.n;
  }
  const endorsedByLevel = Object.fromEntries(
    ENDORSEMENT_LEVELS.map((l) => [l, byLevel.find((b) => b.level === l)?.n ?? 0]),
  ) as CommendationStatistics["endorsedByLevel"];
  return {
    ...r!,
    decidedByForm: Object.fromEntries(byForm.map((b) => [b.awardForm, b.n])),
    decidedByLevel,
    endorsedByLevel,
  };
}

/** The figures of a unit the actor may read (its records count in the actor's subtree), else 404. */
export async function commendationStatisticsFor(
  db: Db,
  actor: Actor,
  q: { orgUnitId: string; from: string; to: string },
): Promise<CommendationStatistics> {
  if (q.from > q.to) throw validationFailed([{ path: "to", message: "Ngày kết thúc trước ngày bắt đầu" }]);
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "commendation.read", scope: "rollup" });
  return commendationStatistics(db, {
    rollupPathPrefix: unit.rollupPath,
    unitPath: unit.path === unit.rollupPath ? undefined : unit.path,
    from: q.from,
    to: q.to,
  });
}
