import {
  COMMENDATION_TRANSITIONS,
  ENDORSEMENT_LEVELS,
  canTransition,
  permissionsOf,
  type Commendation,
  type EndorseCommendationBody,
  type EndorsementLevel,
} from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, forbidden, validationFailed } from "../../../kernel/errors";
import { getCommendationRow, presentCommendation, type CommendationRow } from "../commendations.queries";
import { commendationEndorsements, commendations } from "../commendations.table";

/** Levels a nomination climbs: from its own level (a residential area starts at the commune) up. */
export function requiredLevels(unitKind: string): EndorsementLevel[] {
  return unitKind === "province" ? ["province"] : [...ENDORSEMENT_LEVELS];
}

/** The next level to endorse, or null when all have approved. */
export function nextLevel(row: Pick<CommendationRow, "unitKind" | "endorsements">): EndorsementLevel | null {
  const done = new Set((row.endorsements ?? []).filter((e) => e.approve).map((e) => e.level));
  return requiredLevels(row.unitKind).find((l) => !done.has(l)) ?? null;
}

/** Endorsement level by level (commune → province), by a body holding the grant at that level. */
export async function endorseCommendation(
  db: Db,
  actor: Actor,
  id: string,
  body: EndorseCommendationBody,
): Promise<Commendation> {
  const row = await getCommendationRow(db, actor, id, "commendation.endorse");
  if (!canTransition(COMMENDATION_TRANSITIONS, row.status, body.approve ? "endorsed" : "rejected")) {
    throw conflict("Hồ sơ khen thưởng đã được xử lý xong.");
  }
  const expected = nextLevel(row);
  if (body.level !== expected) {
    throw conflict(
      expected ? `Cần ý kiến cấp ${expected === "commune" ? "xã" : "tỉnh"} trước.` : "Đã đủ ý kiến các cấp.",
    );
  }
  const grant = actor.roles.find(
    (r) =>
      r.orgUnitKind === body.level &&
      permissionsOf([r.role]).has("commendation.endorse") &&
      row.rollupPath.startsWith(r.orgUnitPath),
  );
  if (!grant) throw forbidden("Chỉ cơ quan cấp này mới cho ý kiến ở cấp này.");
  if (body.endorsedOn < row.nominatedOn) {
    throw validationFailed([{ path: "endorsedOn", message: "Ngày cho ý kiến trước ngày đề nghị" }]);
  }
  await db.transaction(async (tx) => {
    await tx.insert(commendationEndorsements).values({
      commendationId: id,
      level: body.level,
      approve: body.approve,
      endorsedOn: body.endorsedOn,
      opinion: body.opinion || null,
      byUnitId: grant.orgUnitId,
      recordedBy: actor.accountId,
    });
    await tx
      .update(commendations)
      .set({ status: body.approve ? "endorsed" : "rejected" })
      .where(eq(commendations.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commendation.endorsed",
      entityType: "commendation",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { ...body, byUnitId: grant.orgUnitId },
    });
  });
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.endorse"));
}
