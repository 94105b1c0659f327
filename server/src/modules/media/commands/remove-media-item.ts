import type { MediaPartnershipDetail } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { notFound } from "../../../kernel/errors";
import { assertMayRecordMedia } from "../media.policy";
import { getPartnershipRow, partnershipDetail } from "../media.queries";
import { mediaItems } from "../media.table";

/** Removes an item entered by mistake; the audit event keeps its date and title. */
export async function removeMediaItem(
  db: Db,
  actor: Actor,
  id: string,
  itemId: string,
): Promise<MediaPartnershipDetail> {
  const p = await getPartnershipRow(db, actor, id, "activity.delete");
  assertMayRecordMedia(actor, "activity.delete", p);
  await db.transaction(async (tx) => {
    const [item] = await tx
      .delete(mediaItems)
      .where(and(eq(mediaItems.id, itemId), eq(mediaItems.partnershipId, id)))
      .returning({ publishedOn: mediaItems.publishedOn, title: mediaItems.title });
    if (!item) throw notFound();
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "media.item_removed",
      entityType: "media_partnership",
      entityId: id,
      orgUnitId: p.orgUnitId,
      data: { itemId, publishedOn: item.publishedOn, title: item.title },
    });
  });
  return partnershipDetail(db, actor, id);
}
