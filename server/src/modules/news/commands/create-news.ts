import type { CreateNewsBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { bumpCacheVersion } from "../../../kernel/cache-version";
import { isInScope, type Actor } from "../../../kernel/authz";
import { forbidden, notFound } from "../../../kernel/errors";
import { cleanImage, decodeBase64 } from "../../citizen";
import { currentConsentText } from "../../privacy";
import { dateInVietnam, clockNow } from "@toandan/contracts";
import { newsItems } from "../news.table";
import { vietnameseSlug } from "../slug";
import { PORTAL_CACHE } from "../portal/page-cache";

/** Publishes news or a warning as the Front or police of a unit in the actor's scope. */
export async function createNews(db: Db, actor: Actor, body: CreateNewsBody, now = clockNow()) {
  const [unit] = await queryRows<{ id: string; path: string; kind: string }>(
    db,
    sql`select id, path, kind from org_units where id = ${body.orgUnitId} and valid_to is null`,
  );
  if (!unit || !isInScope(actor, "news.write", unit.path)) throw notFound();
  const role = actor.roles.find(
    (r) => unit.path.startsWith(r.orgUnitPath) && (r.body === "front" || r.body === "police"),
  );
  if (!role) throw forbidden("Chỉ tài khoản Mặt trận hoặc Công an được đăng tin.");
  const image = body.imageBase64
    ? await cleanImage(decodeBase64(body.imageBase64, "imageBase64", 2 * 1024 * 1024), "imageBase64")
    : null;
  // A photo of people rests on their consent: the `photo` consent text's current version is kept with it.
  const consent = image && body.imagePeople === "consented" ? await currentConsentText(db, "photo") : null;
  const base = vietnameseSlug(body.title);
  const taken = await queryRows<{ slug: string }>(
    db,
    sql`select slug from news_items where slug = ${base} or slug like ${`${base}-%`}`,
  );
  const used = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let i = 2; used.has(slug); i += 1) slug = `${base}-${i}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsItems)
      .values({
        slug,
        kind: body.kind,
        orgUnitId: unit.id,
        authorBody: role.body,
        title: body.title,
        summary: body.summary || null,
        body: body.body,
        image: image?.data ?? null,
        imageType: image?.mediaType ?? null,
        imageAlt: image ? body.imageAlt || body.title : null,
        imagePeople: image ? (body.imagePeople ?? null) : null,
        imageConsentTextId: consent?.id ?? null,
        publishedOn: dateInVietnam(now),
        createdBy: actor.accountId,
      })
      .returning({ id: newsItems.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "news.created",
      entityType: "news",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: { slug, kind: body.kind, title: body.title, image: image !== null },
    });
    // Every app process's portal shows it on its next request.
    await bumpCacheVersion(tx, PORTAL_CACHE);
    return { id: row!.id, slug };
  });
}
