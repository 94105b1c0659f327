import { MODEL_RATINGS, TEAM_RATINGS, type EvaluateGroupBody, type GroupRating } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleGroup } from "../groups.queries";
import { groupEvaluations } from "../groups.table";

const RATINGS_BY_CATEGORY: Record<string, { ratings: readonly GroupRating[]; message: string }> = {
  team: {
    ratings: TEAM_RATINGS,
    message:
      "Tổ được xếp loại Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành hoặc Không hoàn thành nhiệm vụ",
  },
  model: {
    ratings: MODEL_RATINGS,
    message: "Mô hình được đánh giá hoạt động hiệu quả hoặc hoạt động hình thức",
  },
};

/** Records a periodic evaluation: four duty levels for teams, effective or on paper for models. */
export async function evaluateGroup(
  db: Db,
  actor: Actor,
  groupId: string,
  body: EvaluateGroupBody,
): Promise<string> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  const allowed = RATINGS_BY_CATEGORY[group.category];
  if (allowed && !allowed.ratings.includes(body.rating)) {
    throw validationFailed([{ path: "rating", message: allowed.message }]);
  }
  if (body.periodTo < group.foundedOn) {
    throw validationFailed([{ path: "periodTo", message: "Kỳ đánh giá kết thúc trước ngày thành lập" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupEvaluations)
      .values({ groupId, ...body, evaluatedBy: actor.accountId })
      .returning({ id: groupEvaluations.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.evaluated",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { evaluationId: row!.id, ...body },
    });
    return row!.id;
  });
}
