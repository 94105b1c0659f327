import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { householdSafeFamilies } from "../households/households.table";
import { prng } from "./distribute";

/**
 * The yearly safe-family review of the demo area (a khóm of Phường Bạc Liêu, the core of the former
 * Bạc Liêu city): the seeds report 95–97 % of households recognised each year (seeds/004). Last
 * year's review covers the households counted for it (those that signed last year's commitment, as
 * the demo register was typed in this year); this year's is recorded once the areas' decisions are
 * due (Circular 124/2021's date for residential areas, 15/11, taken as the review's date).
 */
export async function seedDemoSafeFamilies(db: Db, areaId: string, year: number): Promise<number> {
  const today = todayInVietnam();
  const rand = prng(2026);
  const rows: (typeof householdSafeFamilies.$inferInsert)[] = [];
  const reviews = [{ y: year - 1, on: `${year - 1}-11-15`, number: `${year - 1}` }];
  if (today >= `${year}-11-15`) reviews.push({ y: year, on: `${year}-11-15`, number: `${year}` });
  for (const r of reviews) {
    const counted = await queryRows<{ id: string; rollupPath: string }>(
      db,
      sql`select h.id, h.rollup_path as "rollupPath" from households h
          where h.org_unit_id = ${areaId}
            and (h.created_at < ${`${r.y + 1}-01-01T00:00:00+07:00`}::timestamptz
              or exists (select 1 from household_commitments c where c.household_id = h.id and c.year = ${r.y}::int))
            and (h.moved_out_on is null or h.moved_out_on > ${`${r.y}-12-31`}::date)
          order by h.code, h.id`,
    );
    // 96 % of them, rounded up (95–97 % for any register of 34 households or more).
    const keep = Math.ceil(counted.length * 0.96);
    const shuffled = counted.map((h) => ({ h, k: rand() })).sort((a, b) => a.k - b.k);
    for (const { h } of shuffled.slice(0, keep)) {
      rows.push({
        householdId: h.id,
        rollupPath: h.rollupPath,
        year: r.y,
        decidedLevel: "commune",
        decidedBy: "Ủy ban nhân dân phường Bạc Liêu",
        decidedOn: r.on,
        decisionNumber: `${40 + (r.y % 10)}/QĐ-UBND`,
        note: "Bình xét tại hội nghị khu dân cư cuối năm",
      });
    }
  }
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx.insert(householdSafeFamilies).values(rows);
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "household",
      orgUnitId: areaId,
      data: { safeFamilies: rows.length },
    });
  });
  return rows.length;
}
