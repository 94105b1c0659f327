import { todayInVietnam, type CertificationUnitType } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { VersionedCache } from "../../kernel/cache-version";
import { stockRollupsCover } from "../../kernel/rollups";
import { recordsOfUnit } from "../org-units";
import { readCertificationRollups } from "./certification.rollups";
import { escapeLike } from "./certification.queries";

type Counts = { units: number; cycles: number; recognised: number };

const rateOf = (c: Counts | undefined) =>
  !c || c.units === 0 || c.cycles === 0 ? null : Math.round((c.recognised / c.units) * 10_000) / 10_000;

/**
 * Share of the units of these types under a path that were recognised for the year: this year's
 * current units, or the units of a past year's tree (`countsOfPastYear`) with their recorded
 * results. Null when no unit of these types there has a cycle or result that year: no data, never
 * a made-up 0. This year's are read from the certification rollups down to communes.
 */
export async function certificationRate(
  db: Db,
  p: Scope & { unitTypes: readonly CertificationUnitType[] },
): Promise<number | null> {
  const kinds: readonly string[] = p.unitTypes;
  const rows = p.unitPath
    ? await countsOfFormerUnit(db, p.unitPath, p.year)
    : isPastYear(p.year)
      ? await countsOfPastYear(db, p.rollupPathPrefix, p.year, false)
      : stockRollupsCover(p.rollupPathPrefix)
        ? await readCertificationRollups(db, p.rollupPathPrefix, p.year, false)
        : await countsFromUnits(db, p.rollupPathPrefix, p.year, false);
  const total: Counts = { units: 0, cycles: 0, recognised: 0 };
  for (const r of rows.filter((r) => kinds.includes(r.kind))) {
    total.units += r.units;
    total.cycles += r.cycles;
    total.recognised += r.recognised;
  }
  return rateOf(total);
}

type CountRow = Counts & { grp: string; kind: string };

/** A unit's subtree; a pre-reform unit also gives its own path (`unitPath`). */
type Scope = { rollupPathPrefix: string; year: number; unitPath?: string | undefined };

/**
 * Units and results of a pre-reform unit's old subtree for a year: the units of those types that
 * existed during the year (a local unit: its start is its entry in the system, so only its end
 * counts), each with its yearly cycle or, before the system, its recorded result
 * (certification_history: Circular 23/2012/TT-BCA until 2021, Circular 124/2021/TT-BCA after).
 */
async function countsOfFormerUnit(db: Db, path: string, year: number): Promise<CountRow[]> {
  return queryRows<CountRow>(
    db,
    sql`select '' as grp, u.kind, count(*)::int as units, count(coalesce(c.id, h.id))::int as cycles,
          count(*) filter (where c.status = 'recognised' or (c.id is null and h.certified))::int as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${year}::int
        left join certification_history h on h.org_unit_id = u.id and h.year = ${year}::int
        where u.path like ${`${escapeLike(path)}%`}
          and (u.valid_from is null or u.valid_from <= ${`${year}-12-31`}::date or not u.is_official)
          and (u.valid_to is null or u.valid_to >= ${`${year}-01-01`}::date)
          and u.kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
        group by 1, 2`,
  );
}

const isPastYear = (year: number) => year < Number(todayInVietnam().slice(0, 4));

const CERTIFIED_KINDS = sql`u.kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')`;

/**
 * Units and results of a past year under a current unit's path, per child (its id) or all in "":
 * the units of the tree of that year's end (decisions are taken by 15/11 or 20/11, Circular
 * 124/2021 art. 9), so before 07/2025 the pre-reform units, counted where they roll up
 * (`recordsOfUnit`); a local unit counts unless it had ended. Each with its yearly cycle or,
 * before the system, its recorded result (certification_history).
 */
export function countsOfPastYear(db: Db, path: string, year: number, children: boolean): Promise<CountRow[]> {
  return pastYearCounts.get(db, `${path}|${year}|${children}`, () => readPastYear(db, path, year, children));
}

/**
 * Past years' counts read every unit of the tree (~100,000 at national scale: 0.7 s for the
 * country), so they are cached per process; any write to the units, cycles or recorded results
 * bumps the version through triggers (migration `certification_cache_version`).
 */
const pastYearCounts = new VersionedCache<CountRow[]>("certification-counts", {
  ttlMs: 10 * 60_000,
  maxEntries: 2000,
});

async function readPastYear(db: Db, path: string, year: number, children: boolean): Promise<CountRow[]> {
  const key = children ? sql`split_part(substr(u.rollup_path, ${path.length + 1}::int), '/', 1)` : sql`''`;
  const yearEnd = `${year}-12-31`;
  return queryRows<CountRow>(
    db,
    sql`select ${key} as grp, u.kind, count(*)::int as units, count(coalesce(c.id, h.id))::int as cycles,
          count(*) filter (where c.status = 'recognised' or (c.id is null and h.certified))::int as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${year}::int
        left join certification_history h on h.org_unit_id = u.id and h.year = ${year}::int
        where ${recordsOfUnit({ path, rollupPath: path }, { rollupPath: sql`u.rollup_path`, orgUnitId: sql`u.id` })}
          and (u.valid_from is null or u.valid_from <= ${yearEnd}::date or not u.is_official)
          and (u.valid_to is null or u.valid_to >= ${yearEnd}::date)
          and ${CERTIFIED_KINDS}
        group by 1, 2`,
  );
}

/** Units and cycles counted from the records, per child of `path` (by its id) or all in "". */
export async function countsFromUnits(
  db: Db,
  path: string,
  year: number,
  children: boolean,
): Promise<CountRow[]> {
  const key = children ? sql`split_part(substr(u.path, ${path.length + 1}::int), '/', 1)` : sql`''`;
  return queryRows<CountRow>(
    db,
    sql`select ${key} as grp, u.kind, count(*)::int as units, count(c.id)::int as cycles,
          count(*) filter (where c.status = 'recognised')::int as recognised
        from org_units u
        left join certification_cycles c on c.org_unit_id = u.id and c.year = ${year}::int
        where u.path like ${`${escapeLike(path)}%`} and u.valid_to is null
          and u.kind in ('residential_area', 'commune', 'agency', 'enterprise', 'school')
        group by 1, 2`,
  );
}

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
 * The three certification rates of a unit and of each of its current children, in one read
 * (the same rule as `certificationRate`). Keys: the child's path segment (its id), "" for the unit.
 */
export async function certificationRatesByChild(
  db: Db,
  p: { path: string; year: number },
): Promise<Map<string, Record<keyof typeof RATE_TYPES, number | null>>> {
  const rows = isPastYear(p.year)
    ? await countsOfPastYear(db, p.path, p.year, true)
    : stockRollupsCover(p.path, true)
      ? await readCertificationRollups(db, p.path, p.year, true)
      : await countsFromUnits(db, p.path, p.year, true);
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
      add(`${r.grp}|${code}`, r);
      if (r.grp !== "") add(`|${code}`, r);
    }
  }
  const out = new Map<string, Record<keyof typeof RATE_TYPES, number | null>>();
  for (const child of new Set(["", ...rows.map((r) => r.grp)])) {
    const rates = {} as Record<keyof typeof RATE_TYPES, number | null>;
    for (const code of Object.keys(RATE_TYPES) as (keyof typeof RATE_TYPES)[]) {
      rates[code] = rateOf(counts.get(`${child}|${code}`));
    }
    out.set(child, rates);
  }
  return out;
}
