import type { CertificationUnitType } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { escapeLike } from "./certification.queries";

/**
 * Share of the current units of these types under a path that were recognised for the year.
 * Null when no unit of these types there has a cycle that year: no data, never a made-up 0.
 */
export async function certificationRate(
  db: Db,
  p: { rollupPathPrefix: string; year: number; unitTypes: readonly CertificationUnitType[] },
): Promise<number | null> {
  const like = `${escapeLike(p.rollupPathPrefix)}%`;
  const types = sql.join(
    p.unitTypes.map((t) => sql`${t}`),
    sql`, `,
  );
  const [row] = await queryRows<{
    units: number | string;
    cycles: number | string;
    recognised: number | string;
  }>(
    db,
    sql`select count(*) as units, count(c.id) as cycles,
          count(*) filter (where c.status = 'recognised') as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${p.year}::int
        where u.path like ${like} and u.valid_to is null and u.kind in (${types})`,
  );
  const units = Number(row?.units ?? 0);
  if (units === 0 || Number(row?.cycles ?? 0) === 0) return null;
  return Math.round((Number(row!.recognised) / units) * 10_000) / 10_000;
}

type Scope = { rollupPathPrefix: string; year: number };
export const residentialAreaRate = (db: Db, s: Scope) =>
  certificationRate(db, { ...s, unitTypes: ["residential_area"] });
export const communeRate = (db: Db, s: Scope) => certificationRate(db, { ...s, unitTypes: ["commune"] });
export const agencyRate = (db: Db, s: Scope) =>
  certificationRate(db, { ...s, unitTypes: ["agency", "enterprise", "school"] });
