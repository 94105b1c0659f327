import {
  AWARD_NEEDS_LEVEL,
  COMMENDATION_TRANSITIONS,
  canTransition,
  type Commendation,
  type DecideCommendationBody,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getCommendationRow, presentCommendation } from "../commendations.queries";
import { commendations } from "../commendations.table";

/** The decision (form of award, number, date, issuer) on an endorsed nomination. */
export async function decideCommendation(
  db: Db,
  actor: Actor,
  id: string,
  body: DecideCommendationBody,
): Promise<Commendation> {
  const row = await getCommendationRow(db, actor, id, "commendation.decide");
  if (!canTransition(COMMENDATION_TRANSITIONS, row.status, "decided")) {
    throw conflict("Chỉ quyết định khen thưởng hồ sơ đã được cấp có thẩm quyền cho ý kiến đồng ý.");
  }
  // An award above the province needs the approval of the level that proposes it (AWARD_NEEDS_LEVEL).
  const needs = AWARD_NEEDS_LEVEL[body.awardForm];
  if (needs && !(row.endorsements ?? []).some((e) => e.level === needs && e.approve)) {
    throw conflict(
      needs === "province"
        ? "Hình thức này cần ý kiến đồng ý của cấp tỉnh trước."
        : "Hình thức này cần ý kiến đồng ý của cấp bộ, ngành trung ương và Hội đồng Thi đua – Khen thưởng Trung ương trước.",
    );
  }
  const last = (row.endorsements ?? []).at(-1);
  if (last && body.decidedOn < last.endorsedOn) {
    throw validationFailed([{ path: "decidedOn", message: "Ngày quyết định trước ngày cho ý kiến" }]);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(commendations)
      .set({
        status: "decided",
        awardForm: body.awardForm,
        decisionNumber: body.decisionNumber,
        decidedOn: body.decidedOn,
        issuer: body.issuer,
      })
      .where(eq(commendations.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commendation.decided",
      entityType: "commendation",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { ...body },
    });
  });
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.decide"));
}
