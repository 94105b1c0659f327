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

const RATE_TYPES = {
  "certification.residential_area_rate": ["residential_area"],
  "certification.commune_rate": ["commune"],
  "certification.agency_rate": ["agency", "enterprise", "school"],
} as const;

/**
 * The three certification rates of a unit and of each of its current children, in one query
 * (the same rule as `certificationRate`). Keys: the child's path segment (its id), "" for the unit.
 */
export async function certificationRatesByChild(
  db: Db,
  p: { path: string; year: number },
): Promise<Map<string, Record<keyof typeof RATE_TYPES, number | null>>> {
  const rows = await queryRows<{
    child: string;
    kind: string;
    units: number;
    cycles: number;
    recognised: number;
  }>(
    db,
    sql`select split_part(substr(u.path, ${p.path.length + 1}::int), '/', 1) as child, u.kind,
          count(*)::int as units, count(c.id)::int as cycles,
          count(*) filter (where c.status = 'recognised')::int as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${p.year}::int
        where u.path like ${`${escapeLike(p.path)}%`} and u.valid_to is null
          and u.kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
        group by 1, 2`,
  );
  const counts = new Map<string, { units: number; cycles: number; recognised: number }>();
  const add = (key: string, r: (typeof rows)[number]) => {
    const c = counts.get(key) ?? { units: 0, cycles: 0, recognised: 0 };
    c.units += r.units;
    c.cycles += r.cycles;
    c.recognised += r.recognised;
    counts.set(key, c);
  };
  for (const r of rows) {
    for (const [code, kinds] of Object.entries(RATE_TYPES)) {
      if (!(kinds as readonly string[]).includes(r.kind)) continue;
      add(`${r.child}|${code}`, r);
      if (r.child !== "") add(`|${code}`, r);
    }
  }
  const out = new Map<string, Record<keyof typeof RATE_TYPES, number | null>>();
  for (const child of new Set(["", ...rows.map((r) => r.child)])) {
    const rates = {} as Record<keyof typeof RATE_TYPES, number | null>;
    for (const code of Object.keys(RATE_TYPES) as (keyof typeof RATE_TYPES)[]) {
      const c = counts.get(`${child}|${code}`);
      rates[code] =
        !c || c.units === 0 || c.cycles === 0 ? null : Math.round((c.recognised / c.units) * 10_000) / 10_000;
    }
    out.set(child, rates);
  }
  return out;
}
