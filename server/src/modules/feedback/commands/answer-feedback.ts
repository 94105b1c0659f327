import {
  AnswerFeedbackBodySchema,
  FEEDBACK_TRANSITIONS,
  canTransition,
  clockNow,
  isStatusOf,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { invalidTransition, validationFailed } from "../../../kernel/errors";
import { dateInVietnam } from "@toandan/contracts";
import { getScopedFeedback } from "../feedback.queries";
import { feedbackItems } from "../feedback.table";

/** Moves feedback on, with the answer the citizen reads by code (required to close it). */
export async function answerFeedback(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  body: z.infer<typeof AnswerFeedbackBodySchema>,
  now = clockNow(),
): Promise<void> {
  const item = await getScopedFeedback(db, actor, id);
  if (body.status !== "in_progress" && !body.answer) {
    throw validationFailed([{ path: "answer", message: "Nhập nội dung trả lời cho người gửi" }]);
  }
  const from = item.status;
  if (!isStatusOf(FEEDBACK_TRANSITIONS, from) || !canTransition(FEEDBACK_TRANSITIONS, from, body.status)) {
    throw invalidTransition(from, body.status);
  }
  const closing = body.status !== "in_progress";
  await db.transaction(async (tx) => {
    await tx
      .update(feedbackItems)
      .set({
        status: body.status,
        updatedAt: now,
        ...(body.answer ? { answer: env.seal(body.answer, `feedback:${id}:answer`) } : {}),
        ...(closing ? { answeredOn: dateInVietnam(now), answeredBy: actor.accountId } : {}),
      })
      .where(eq(feedbackItems.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "feedback.answered",
      entityType: "feedback",
      entityId: id,
      orgUnitId: item.orgUnitId,
      data: { code: item.code, from, to: body.status },
    });
  });
}
