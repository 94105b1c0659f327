import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { ownRecords, partition } from "../../kernel/rollups";

/**
 * Reader of `certification_rollups` (certification.table.ts), kept by the triggers of migration
 * `certification_rollups` (decision 0007). Only for units the rollups cover (`stockRollupsCover`).
 */

export type CertificationRollupRow = {
  grp: string;
  kind: string;
  units: number;
  cycles: number;
  recognised: number;
};

/** Current units of the certified kinds and their cycles of `year`, per group (child or "") and kind. */
export async function readCertificationRollups(
  db: Db,
  path: string,
  year: number,
  children: boolean,
): Promise<CertificationRollupRow[]> {
  const p = partition(path, children);
  const rows = await queryRows<CertificationRollupRow>(
    db,
    sql`select ${p.key} as grp, r.kind,
          coalesce(sum(r.units) filter (where r.year = 0), 0)::int as units,
          coalesce(sum(r.cycles) filter (where r.year = ${year}::int), 0)::int as cycles,
          coalesce(sum(r.recognised) filter (where r.year = ${year}::int), 0)::int as recognised
        from ${p.source("certification_rollups", sql`r.year in (0, ${year}::int)`)} r group by ${p.group}, 2`,
  );
  return ownRecords(
    path,
    children,
    rows.map((r) => ({
      ...r,
      units: Number(r.units),
      cycles: Number(r.cycles),
      recognised: Number(r.recognised),
    })),
    ["units", "cycles", "recognised"],
    (r) => r.kind,
  );
}
