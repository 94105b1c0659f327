import {
  SUPERVISION_TRANSITIONS,
  canTransition,
  type CloseSupervisionBody,
  type SupervisionDetail,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, invalidTransition, validationFailed } from "../../../kernel/errors";
import { getSupervisionRow, supervisionDetail } from "../supervision.queries";
import { supervisions } from "../supervision.table";

/**
 * Concludes the supervision with its result. Recommendations still unanswered refuse the closing
 * unless the caller states why it closes anyway (their follow-up goes on; the note is kept).
 */
export async function closeSupervision(
  db: Db,
  actor: Actor,
  id: string,
  body: CloseSupervisionBody,
): Promise<SupervisionDetail> {
  const s = await getSupervisionRow(db, actor, id, "supervision.manage");
  if (!canTransition(SUPERVISION_TRANSITIONS, s.status, "closed")) {
    throw invalidTransition(s.status, "closed");
  }
  if (body.closedOn < s.periodFrom) {
    throw validationFailed([{ path: "closedOn", message: "Ngày kết thúc trước thời gian giám sát" }]);
  }
  if (s.unanswered > 0 && !body.unansweredNote) {
    throw conflict(
      `Còn ${s.unanswered} kiến nghị chưa được trả lời: nêu lý do kết thúc (theo dõi tiếp) hoặc chờ trả lời.`,
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .update(supervisions)
      .set({
        status: "closed",
        closedOn: body.closedOn,
        result: body.result,
        summary: body.summary,
        unansweredNote: s.unanswered > 0 ? body.unansweredNote! : null,
      })
      .where(eq(supervisions.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "supervision.closed",
      entityType: "supervision",
      entityId: id,
      orgUnitId: s.orgUnitId,
      data: { closedOn: body.closedOn, result: body.result, unanswered: s.unanswered },
    });
  });
  return supervisionDetail(db, actor, id);
}
