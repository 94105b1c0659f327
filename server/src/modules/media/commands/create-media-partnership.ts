import type { CreateMediaPartnershipBody, MediaPartnershipDetail } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { bodiesOf, loadUnit } from "../../org-units";
import { assertMayRecordMedia } from "../media.policy";
import { partnershipDetail } from "../media.queries";
import { mediaPartnerships } from "../media.table";

/**
 * Records a partnership of one of the unit's bodies with a newspaper, a station or an official page.
 * The owner must be a body of that unit; a member-organisation cadre records only its own's.
 */
export async function createMediaPartnership(
  db: Db,
  actor: Actor,
  body: CreateMediaPartnershipBody,
): Promise<MediaPartnershipDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "activity.create", scope: "rollup" });
  const owner = (await bodiesOf(db, [unit.id])).find((b) => b.id === body.ownerBodyId);
  if (!owner) {
    throw validationFailed([{ path: "ownerBodyId", message: "Cơ quan chủ trì không thuộc đơn vị đã chọn" }]);
  }
  assertMayRecordMedia(actor, "activity.create", { rollupPath: unit.rollupPath, ownerBodyKind: owner.kind });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaPartnerships)
      .values({
        orgUnitId: unit.id,
        rollupPath: unit.rollupPath,
        ownerBodyId: owner.id,
        partnerName: body.partnerName,
        partnerKind: body.partnerKind,
        agreementNumber: body.agreementNumber || null,
        agreementDate: body.agreementDate ?? null,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        notes: body.notes || null,
        createdBy: actor.accountId,
      })
      .returning({ id: mediaPartnerships.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "media.partnership_created",
      entityType: "media_partnership",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: {
        ownerBodyId: owner.id,
        partnerName: body.partnerName,
        partnerKind: body.partnerKind,
        agreementNumber: body.agreementNumber || null,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
      },
    });
    return row!.id;
  });
  return partnershipDetail(db, actor, id);
}
