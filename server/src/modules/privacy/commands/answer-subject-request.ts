import { clockNow, type AnswerSubjectRequestBody, type SubjectRequestDetail } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import type { Envelope } from "../../../kernel/envelope";
import { conflict, forbidden } from "../../../kernel/errors";
import { managesAt, requestAad } from "../privacy.policy";
import { getRequestRow, requestDetail } from "../privacy.queries";
import { privacyRequests } from "../privacy.table";

/**
 * Answers a request: the outcome, the answer given (sealed) and, where records stay, the grounds
 * (State processing for crime prevention…). An answer after the due time is recorded as late.
 */
export async function answerSubjectRequest(
  db: Db,
  env: Envelope,
  actor: Actor,
  id: string,
  body: AnswerSubjectRequestBody,
): Promise<SubjectRequestDetail> {
  const r = await getRequestRow(db, actor, id);
  if (!managesAt(actor, r.rollupPath)) throw forbidden();
  if (r.status !== "received") throw conflict("Yêu cầu này đã được trả lời.");
  const now = clockNow();
  const late = now.getTime() > new Date(r.dueAt).getTime();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(privacyRequests)
      .set({
        status: "answered",
        outcome: body.outcome,
        answerSealed: env.seal(body.answer, requestAad(id, "answer")),
        exceptions: body.exceptions,
        answeredAt: now,
        answeredBy: actor.accountId,
      })
      .where(and(eq(privacyRequests.id, id), eq(privacyRequests.status, "received")))
      .returning({ id: privacyRequests.id });
    if (done.length === 0) throw conflict("Yêu cầu này đã được trả lời.");
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "privacy.request_answered",
      entityType: "privacy_request",
      entityId: id,
      orgUnitId: r.orgUnitId,
      data: { outcome: body.outcome, exceptions: body.exceptions, late },
    });
  });
  return requestDetail(db, env, actor, id);
}
