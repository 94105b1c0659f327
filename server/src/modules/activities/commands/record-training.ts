import type { RecordTrainingBody, Training } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden } from "../../../kernel/errors";
import { presentActivityDetail } from "../activities.presenter";
import { getActivityRow } from "../activities.queries";
import { activityTrainees, activityTrainings } from "../activities.table";
import { trainingOf } from "../trainings.queries";

/**
 * Sets a training activity's level and form and replaces its roster. The same rules as editing the
 * activity (scope, member organisations, locked periods); the log keeps the count, not the names.
 */
export async function recordTraining(
  db: Db,
  actor: Actor,
  activityId: string,
  body: RecordTrainingBody,
): Promise<Training> {
  const row = await getActivityRow(db, actor, activityId, "activity.update");
  if (row.kind !== "training") throw conflict("Hoạt động này không phải tập huấn, bồi dưỡng");
  if (row.locked) throw conflict("Kỳ báo cáo của hoạt động đã khóa, không thể sửa danh sách học viên");
  if (!presentActivityDetail(row, actor).can.edit) {
    throw forbidden("Cán bộ hội, đoàn thể chỉ sửa hoạt động do tổ chức của mình chủ trì hoặc phối hợp.");
  }
  await db.transaction(async (tx) => {
    await tx.delete(activityTrainings).where(eq(activityTrainings.activityId, activityId));
    await tx.insert(activityTrainings).values({ activityId, level: body.level, form: body.form });
    if (body.trainees.length) {
      await tx.insert(activityTrainees).values(
        body.trainees.map((t, i) => ({
          activityId,
          ordinal: i + 1,
          fullName: t.fullName,
          position: t.position || null,
          organisation: t.organisation || null,
        })),
      );
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "activity.training_recorded",
      entityType: "activity",
      entityId: activityId,
      orgUnitId: row.orgUnitId,
      data: { level: body.level, form: body.form, trainees: body.trainees.length },
    });
  });
  return trainingOf(db, actor, activityId);
}
