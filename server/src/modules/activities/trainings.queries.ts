import {
  TRAINING_LEVELS,
  type Training,
  type TrainingForm,
  type TrainingLevel,
  type TrainingTotals,
  type TrainingTotalsQuery,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { conflict } from "../../kernel/errors";
import { presentActivityDetail } from "./activities.presenter";
import { getActivityRow, listUnit, withinUnit } from "./activities.queries";

/**
 * The level, form and roster of a training activity the actor may read (404 otherwise; 409 when
 * the activity is not a training). The roster holds names: it is read only through the activity.
 */
export async function trainingOf(db: Db, actor: Actor, activityId: string): Promise<Training> {
  const row = await getActivityRow(db, actor, activityId, "activity.read");
  if (row.kind !== "training") throw conflict("Hoạt động này không phải tập huấn, bồi dưỡng");
  const [detail] = await queryRows<{ level: string; form: string }>(
    db,
    sql`select level, form from activity_trainings where activity_id = ${activityId}`,
  );
  const trainees = await queryRows<{
    fullName: string;
    position: string | null;
    organisation: string | null;
  }>(
    db,
    sql`select full_name as "fullName", position, organisation from activity_trainees
        where activity_id = ${activityId} order by ordinal`,
  );
  return {
    activityId,
    level: (detail?.level ?? null) as TrainingLevel | null,
    form: (detail?.form ?? null) as TrainingForm | null,
    trainees,
    can: { edit: presentActivityDetail(row, actor).can.edit },
  };
}

/** Training activities of a unit's subtree over a period and their trainees, by level. */
export async function trainingTotals(db: Db, actor: Actor, q: TrainingTotalsQuery): Promise<TrainingTotals> {
  const unit = await listUnit(db, actor, q.orgUnitId);
  const rows = await queryRows<{ level: string | null; trainings: number; trainees: number }>(
    db,
    sql`select t.level, count(*)::int as trainings,
          coalesce(sum((select count(*) from activity_trainees r where r.activity_id = a.id)), 0)::int as trainees
        from activities a left join activity_trainings t on t.activity_id = a.id
        where a.kind = 'training' and a.date between ${q.from}::date and ${q.to}::date
          and ${withinUnit(unit!)} and ${pathInScope(actor, "activity.read", sql`a.rollup_path`)}
        group by t.level`,
  );
  const byLevel = [...TRAINING_LEVELS, null].map((level) => {
    const r = rows.find((x) => x.level === level);
    return { level, trainings: r?.trainings ?? 0, trainees: r?.trainees ?? 0 };
  });
  return {
    trainings: byLevel.reduce((n, r) => n + r.trainings, 0),
    trainees: byLevel.reduce((n, r) => n + r.trainees, 0),
    byLevel,
  };
}

/** Trainees of the training activities held in [from, to] in a subtree (the indicator). */
export async function traineeCount(
  db: Db,
  s: { rollupPathPrefix: string; from: string; to: string },
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from activity_trainees r join activities a on a.id = r.activity_id
        where a.kind = 'training' and a.date between ${s.from}::date and ${s.to}::date
          and a.rollup_path like ${`${s.rollupPathPrefix}%`}`,
  );
  return row?.n ?? 0;
}
