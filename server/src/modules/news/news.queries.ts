import type { NewsItem } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { notFound } from "../../kernel/errors";

type NewsDbRow = Omit<NewsItem, "imageUrl"> & { hasImage: boolean };

const SELECT = sql`select n.id, n.slug, n.kind, n.title, n.summary, n.body, n.image is not null as "hasImage",
    n.image_alt as "imageAlt", n.image_people as "imagePeople", n.image_withdrawn_on::text as "imageWithdrawnOn",
    n.published_on::text as "publishedOn", u.full_name as "authorUnit",
    n.author_body as "authorBody"
  from news_items n join org_units u on u.id = n.org_unit_id`;

function present(r: NewsDbRow): NewsItem {
  const { hasImage, ...rest } = r;
  return { ...rest, imageUrl: hasImage ? `/api/v1/public/news/${r.id}/image` : null };
}

export async function listNewsItems(db: Db, kind: string | undefined, limit: number): Promise<NewsItem[]> {
  const rows = await queryRows<NewsDbRow>(
    db,
    sql`${SELECT} ${kind ? sql`where n.kind = ${kind}` : sql``} order by n.published_on desc, n.created_at desc limit ${limit}`,
  );
  return rows.map(present);
}

export async function newsBySlug(db: Db, slug: string): Promise<NewsItem | undefined> {
  const [r] = await queryRows<NewsDbRow>(db, sql`${SELECT} where n.slug = ${slug}`);
  return r && present(r);
}

/** One item by slug, or 404. */
export async function newsItemBySlug(db: Db, slug: string): Promise<NewsItem> {
  const item = await newsBySlug(db, slug);
  if (!item) throw notFound();
  return item;
}

/** A news item's image and its media type, or 404. */
export async function newsImage(db: Db, id: string): Promise<{ data: Buffer; type: string }> {
  const [r] = await queryRows<{ image: Buffer | null; imageType: string | null }>(
    db,
    sql`select image, image_type as "imageType" from news_items where id = ${id}`,
  );
  if (!r?.image) throw notFound();
  return { data: Buffer.from(r.image), type: r.imageType ?? "image/jpeg" };
}
