import type { NewsItem } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

type NewsDbRow = Omit<NewsItem, "imageUrl"> & { hasImage: boolean };

const SELECT = sql`select n.id, n.slug, n.kind, n.title, n.summary, n.body, n.image is not null as "hasImage",
    n.image_alt as "imageAlt", n.published_on::text as "publishedOn", u.full_name as "authorUnit",
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
