import type { AddMediaItemBody, MediaPartnershipDetail } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { assertMayRecordMedia } from "../media.policy";
import { getPartnershipRow, partnershipDetail } from "../media.queries";
import { mediaItems } from "../media.table";

/** An item published or aired under the partnership, dated within its period. */
export async function addMediaItem(
  db: Db,
  actor: Actor,
  id: string,
  body: AddMediaItemBody,
): Promise<MediaPartnershipDetail> {
  const p = await getPartnershipRow(db, actor, id, "activity.create");
  assertMayRecordMedia(actor, "activity.create", p);
  if (body.publishedOn < p.periodFrom || body.publishedOn > p.periodTo) {
    throw validationFailed([{ path: "publishedOn", message: "Ngày đăng ngoài thời gian phối hợp" }]);
  }
  await db.transaction(async (tx) => {
    const [item] = await tx
      .insert(mediaItems)
      .values({
        partnershipId: id,
        publishedOn: body.publishedOn,
        title: body.title,
        kind: body.kind,
        link: body.link || null,
        topic: body.topic,
        recordedBy: actor.accountId,
      })
      .returning({ id: mediaItems.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "media.item_added",
      entityType: "media_partnership",
      entityId: id,
      orgUnitId: p.orgUnitId,
      data: { itemId: item!.id, publishedOn: body.publishedOn, kind: body.kind, topic: body.topic },
    });
  });
  return partnershipDetail(db, actor, id);
}
