import {
  COMMENDATION_TRANSITIONS,
  LOCAL_ENDORSEMENT_LEVELS,
  NATIONAL_ENDORSEMENT_LEVELS,
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

/**
 * Levels a nomination climbs: the local ones from its own level (a residential area starts at the
 * commune), then — only for an award above the province — the national ones, in order.
 */
export function requiredLevels(unitKind: string): EndorsementLevel[] {
  const local: EndorsementLevel[] = unitKind === "province" ? ["province"] : [...LOCAL_ENDORSEMENT_LEVELS];
  return [...local, ...NATIONAL_ENDORSEMENT_LEVELS];
}

/** The next level to endorse, or null when all have approved. */
export function nextLevel(row: Pick<CommendationRow, "unitKind" | "endorsements">): EndorsementLevel | null {
  const done = new Set((row.endorsements ?? []).filter((e) => e.approve).map((e) => e.level));
  return requiredLevels(row.unitKind).find((l) => !done.has(l)) ?? null;
}

const LEVEL_NAME: Record<EndorsementLevel, string> = {
  commune: "cấp xã",
  province: "cấp tỉnh",
  ministry: "cấp bộ, ngành trung ương",
  central_council: "Hội đồng Thi đua – Khen thưởng Trung ương",
};

/**
 * Who may record a level's opinion: a body holding `commendation.endorse` at that level over the
 * nomination. A national level is recorded by a national account (a grant at the country unit) or by
 * the province body that sent the dossier up, entering the reply it received: the central bodies do
 * not work in this system, so their written answer (number, date) must then be named in `opinion`.
 */
function grantFor(actor: Actor, level: EndorsementLevel, rollupPath: string) {
  const holds = (kind: string) =>
    actor.roles.find(
      (r) =>
        r.orgUnitKind === kind &&
        permissionsOf([r.role]).has("commendation.endorse") &&
        rollupPath.startsWith(r.orgUnitPath),
    );
  if (!(NATIONAL_ENDORSEMENT_LEVELS as readonly string[]).includes(level)) {
    return holds(level) && { grant: holds(level)!, relayed: false };
  }
  const national = holds("country");
  if (national) return { grant: national, relayed: false };
  const province = holds("province");
  return province && { grant: province, relayed: true };
}

/** Endorsement level by level (commune → province → ministry → central council), each by its body. */
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
    throw conflict(expected ? `Cần ý kiến ${LEVEL_NAME[expected]} trước.` : "Đã đủ ý kiến các cấp.");
  }
  const found = grantFor(actor, body.level, row.rollupPath);
  if (!found) throw forbidden("Chỉ cơ quan cấp này mới cho ý kiến ở cấp này.");
  const { grant, relayed } = found;
  if (body.endorsedOn < row.nominatedOn) {
    throw validationFailed([{ path: "endorsedOn", message: "Ngày cho ý kiến trước ngày đề nghị" }]);
  }
  if (relayed && !body.opinion) {
    throw validationFailed([
      { path: "opinion", message: `Ghi số, ngày văn bản trả lời của ${LEVEL_NAME[body.level]}` },
    ]);
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
