import type { EvaluatePilotBody, PilotDetail } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getPilotRow, pilotDetail } from "../pilots.queries";
import { pilotEvaluations } from "../pilots.table";

/** Records an evaluation of a pilot (not before its decision): result and findings. */
export async function evaluatePilot(
  db: Db,
  actor: Actor,
  pilotId: string,
  body: EvaluatePilotBody,
): Promise<PilotDetail> {
  const pilot = await getPilotRow(db, actor, pilotId, "group.manage");
  if (body.evaluatedOn < pilot.decisionOn) {
    throw validationFailed([
      { path: "evaluatedOn", message: "Ngày đánh giá trước ngày quyết định chọn điểm" },
    ]);
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pilotEvaluations)
      .values({ pilotId, ...body, evaluatedBy: actor.accountId })
      .returning({ id: pilotEvaluations.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "pilot.evaluated",
      entityType: "pilot",
      entityId: pilotId,
      orgUnitId: pilot.orgUnitId,
      data: { evaluationId: row!.id, evaluatedOn: body.evaluatedOn, result: body.result },
    });
  });
  return pilotDetail(db, actor, pilotId);
}
