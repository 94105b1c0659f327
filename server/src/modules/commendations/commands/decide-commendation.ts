import {
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
