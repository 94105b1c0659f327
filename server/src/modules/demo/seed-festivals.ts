import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { festivals } from "../activities";

/**
 * The festival day 19/8 of the former Bạc Liêu city (district 954) in the years seed 004 reviews
 * (2013 – April 2017): the article lists organising the festival among the city's results but gives
 * no figures, so each year's record has its day, level and parts and no attendance or gifts.
 */
export async function seedDemoFestivals(db: Db): Promise<number> {
  const [city] = await queryRows<{ id: string; rollupPath: string; bodyIds: string[] | null }>(
    db,
    sql`select u.id, u.rollup_path as "rollupPath",
          (select array_agg(b.id order by b.kind) from bodies b
            where b.org_unit_id = u.id and b.kind in ('front', 'police')) as "bodyIds"
        from org_units u where u.kind = 'district' and u.code = '954' order by u.valid_to desc nulls first limit 1`,
  );
  if (!city?.bodyIds?.length) return 0;
  const rows = [2013, 2014, 2015, 2016].map((year) => ({
    orgUnitId: city.id,
    rollupPath: city.rollupPath,
    year,
    level: "district",
    planDate: `${year}-08-19`,
    heldOn: `${year}-08-19`,
    venues: [] as string[],
    organizerBodyIds: city.bodyIds!,
    ceremonyContent:
      "Đánh giá kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc 8 tháng đầu năm; khen thưởng tập thể, cá nhân tiêu biểu",
    festivalContent: "Văn nghệ, thể thao; giao lưu điển hình tiên tiến",
  }));
  // Part of the demo seeding, whose own audit event (system.demo_seeded) records the run.
  await db.insert(festivals).values(rows).onConflictDoNothing();
  return rows.length;
}
