import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { isInScope, type Actor } from "../../../kernel/authz";
import { bumpCacheVersion } from "../../../kernel/cache-version";
import { conflict, notFound } from "../../../kernel/errors";
import { PORTAL_CACHE } from "../portal/page-cache";

/**
 * A person shown in a news photo withdraws their consent (Decree 13/2023 Art. 12; the `photo`
 * consent text's consequence: the photo is removed and not used again). Recorded by a news writer
 * of the item's unit: the image bytes are erased at once, the day kept, the portal shows the item
 * without it on its next request; audited. Only a photo that rests on consent can be withdrawn (409).
 */
export async function withdrawNewsImageConsent(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      slug: string;
      title: string;
      orgUnitId: string;
      path: string;
      people: string | null;
      hasImage: boolean;
    }>(
      tx,
      sql`select n.slug, n.title, n.org_unit_id as "orgUnitId", u.path, n.image_people as people,
            n.image is not null as "hasImage"
          from news_items n join org_units u on u.id = n.org_unit_id where n.id = ${id} for update of n`,
    );
    if (!row || !isInScope(actor, "news.write", row.path)) throw notFound();
    if (row.people !== "consented" || !row.hasImage) {
      throw conflict("Tin này không có ảnh dựa trên sự đồng ý của người trong ảnh.");
    }
    await tx.execute(
      sql`update news_items set image = null, image_type = null, image_alt = null,
            image_withdrawn_on = ${todayInVietnam()}::date where id = ${id}`,
    );
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "news.image_consent_withdrawn",
      entityType: "news",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { slug: row.slug, title: row.title },
    });
    await bumpCacheVersion(tx, PORTAL_CACHE);
    return { ok: true as const };
  });
}
