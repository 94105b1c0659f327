import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { certificationHistory } from "./certification.table";

/**
 * The ten communes and wards of the former Bạc Liêu city (district 954, until 30/06/2025) and the
 * one of them not certified each year of 2013–2017: nine of ten certified, the "trên 90 % xã,
 * phường" of the city's five-year review of Directive 09 (seed 004, 29/05/2017). Which unit missed
 * a year is not in the seed: an assumption of the demo. Decision numbers are not known; the
 * authority is the city's People's Committee (Circular 23/2012/TT-BCA, then 124/2021 Art. 10).
 */
const FORMER_CITY = [
  "31813",
  "31816",
  "31819",
  "31822",
  "31825",
  "31828",
  "31831",
  "31834",
  "31837",
  "31840",
];
const MISSED: Record<number, string> = {
  2013: "31837",
  2014: "31840",
  2015: "31819",
  2016: "31834",
  2017: "31831",
};

export async function seedCertificationHistoryDemo(db: Db): Promise<void> {
  const units = await queryRows<{ id: string; code: string; path: string; rollupPath: string }>(
    db,
    sql`select id, code, path, rollup_path as "rollupPath" from org_units
        where kind = 'commune' and valid_to is not null and code = any(${sql.param(FORMER_CITY)}::text[])`,
  );
  if (units.length === 0) return;
  const rows = Object.entries(MISSED).flatMap(([year, missed]) =>
    units.map((u) => ({
      orgUnitId: u.id,
      unitPath: u.path,
      rollupPath: u.rollupPath,
      unitType: "commune",
      year: Number(year),
      certified: u.code !== missed,
      decisionAuthority: "UBND thành phố Bạc Liêu",
    })),
  );
  await db.transaction(async (tx) => {
    await tx.insert(certificationHistory).values(rows).onConflictDoNothing();
    await recordEvent(tx, {
      actorId: null,
      action: "certification.history_imported",
      entityType: "certification_history",
      entityId: null,
      orgUnitId: null,
      data: {
        created: rows.length,
        certified: rows.filter((r) => r.certified).length,
        years: Object.keys(MISSED).map(Number),
      },
    });
  });
}
