import type { RecordRecommendationResponseBody, SupervisionDetail } from "@toandan/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, notFound, validationFailed } from "../../../kernel/errors";
import { managesSupervision, mayRespond } from "../supervision.policy";
import { getSupervisionRow, supervisionDetail } from "../supervision.queries";
import { supervisionRecommendations } from "../supervision.table";

/**
 * The addressee's answer to a recommendation and what it did: recorded by the body addressed (its
 * cadres, e.g. the commune police) or by the Front from the written answer. Answers may still come
 * after the supervision is closed (follow-up of recommendations).
 */
export async function recordRecommendationResponse(
  db: Db,
  actor: Actor,
  id: string,
  recommendationId: string,
  body: RecordRecommendationResponseBody,
): Promise<SupervisionDetail> {
  const s = await getSupervisionRow(db, actor, id, "supervision.read");
  const [r] = await queryRows<{
    madeOn: string;
    dueOn: string;
    answered: boolean;
    kind: string | null;
    path: string | null;
  }>(
    db,
    sql`select r.made_on::text as "madeOn", r.due_on::text as "dueOn", r.responded_on is not null as answered,
          b.kind, bu.path
        from supervision_recommendations r left join bodies b on b.id = r.addressee_body_id
        left join org_units bu on bu.id = b.org_unit_id
        where r.id = ${recommendationId} and r.supervision_id = ${id}`,
  );
  if (!r) throw notFound();
  if (r.answered) throw conflict("Kiến nghị đã được trả lời.");
  if (!mayRespond(actor, s, r)) {
    // Visible but neither addressed to the caller nor run by it.
    throw managesSupervision(actor, s) ? conflict("Cuộc giám sát đã hủy.") : notFound();
  }
  if (body.respondedOn < r.madeOn) {
    throw validationFailed([{ path: "respondedOn", message: "Ngày trả lời trước ngày kiến nghị" }]);
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(supervisionRecommendations)
      .set({
        respondedOn: body.respondedOn,
        responseContent: body.content,
        responseAction: body.action || null,
        respondedBy: actor.accountId,
      })
      .where(
        and(
          eq(supervisionRecommendations.id, recommendationId),
          isNull(supervisionRecommendations.respondedOn),
        ),
      )
      .returning({ id: supervisionRecommendations.id });
    if (updated.length === 0) throw conflict("Kiến nghị đã được trả lời.");
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "supervision.response_recorded",
      entityType: "supervision",
      entityId: id,
      orgUnitId: s.orgUnitId,
      data: { recommendationId, respondedOn: body.respondedOn, late: body.respondedOn > r.dueOn },
    });
  });
  return supervisionDetail(db, actor, id);
}
