// Shared by the media tests and the media indicators' tests (not a test file itself).
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** Media figures of a year counted straight from the records: items published in the year and
 * partnerships whose period overlaps it, under a rollup path prefix. */
export async function recountMediaFigures(db: Db, prefix: string, year: number) {
  const [r] = await queryRows<{ items: number; partnerships: number }>(
    db,
    sql`select
          (select count(*) from media_items i join media_partnerships p on p.id = i.partnership_id
            where p.rollup_path like ${`${prefix}%`} and extract(year from i.published_on) = ${year})::int as items,
          (select count(*) from media_partnerships p where p.rollup_path like ${`${prefix}%`}
            and extract(year from p.period_from) <= ${year} and extract(year from p.period_to) >= ${year})::int
            as partnerships`,
  );
  return r!;
}
