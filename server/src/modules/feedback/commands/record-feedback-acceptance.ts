import {
  clockNow,
  dateInVietnam,
  FEEDBACK_TRANSITIONS,
  isFinal,
  type RecordFeedbackAcceptanceBody,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { denunciationDueFrom } from "../feedback.clocks";
import { getScopedFeedback } from "../feedback.queries";
import { feedbackItems } from "../feedback.table";

/**
 * Records the notice given to the sender (Law on Citizen Reception 2013 Art. 28: accepted or not,
 * within 10 working days of receipt): when, how, and why not. Accepting a denunciation starts its
 * 30-day handling clock (Law on Denunciations 2018 Art. 30); not accepting closes the item.
 */
export async function recordFeedbackAcceptance(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordFeedbackAcceptanceBody,
  now = clockNow(),
): Promise<void> {
  const item = await getScopedFeedback(db, actor, id);
  if (item.acceptance !== null) throw conflict("Đã ghi thông báo thụ lý cho đơn này.");
  if (isFinal(FEEDBACK_TRANSITIONS, item.status)) throw conflict("Đơn đã được xử lý xong.");
  const today = dateInVietnam(now);
  if (body.noticedOn < item.receivedOn || body.noticedOn > today) {
    throw validationFailed([
      { path: "noticedOn", message: "Ngày thông báo phải từ ngày nhận đơn đến hôm nay" },
    ]);
  }
  const accepted = body.decision === "accepted";
  await db.transaction(async (tx) => {
    await tx
      .update(feedbackItems)
      .set({
        acceptance: body.decision,
        acceptanceReason: body.reason || null,
        acceptanceNoticedOn: body.noticedOn,
        acceptanceChannel: body.channel,
        acceptanceBy: actor.accountId,
        updatedAt: now,
        ...(accepted
          ? {
              ...(item.status === "received" ? { status: "in_progress" } : {}),
              ...(item.kind === "to_cao" ? { dueOn: denunciationDueFrom(body.noticedOn) } : {}),
            }
          : { status: "rejected", answeredOn: body.noticedOn, answeredBy: actor.accountId }),
      })
      .where(eq(feedbackItems.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "feedback.acceptance_recorded",
      entityType: "feedback",
      entityId: id,
      orgUnitId: item.orgUnitId,
      data: { code: item.code, decision: body.decision, noticedOn: body.noticedOn, channel: body.channel },
    });
  });
}
