import {
  MEMBER_ORG_KINDS,
  type Coverage,
  type CoverageFigures,
  type CoverageQuery,
  todayInVietnam,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { stockRollupsCover } from "../../kernel/rollups";
import { loadUnit, recordsOfUnit, validOn } from "../org-units";
import { readHouseholdRollups, type HouseholdRollupRow } from "./households.rollups";
import { escapeLike } from "./households.queries";

type GroupRow = { grp: string; org: string | null; n: number | string; s: number | string };

export type CoverageParams = {
  /** Records whose rollup_path starts with this (a current unit's path). */
  rollupPathPrefix: string;
  year: number;
  /** Extra SQL predicate on `h` (the actor's scope). */
  scope?: SQL;
  /** Group by the child of the unit with this path that holds each record. */
  childrenOfPath?: string;
  /**
   * The rollup rows of this path, year and grouping when the caller has read them already (the
   * dashboard reads them once for coverage and safe families); used only where the rollups answer.
   */
  rollupRows?: Promise<HouseholdRollupRow[]>;
};

export const rateOf = (signed: number, total: number) =>
  total === 0 ? null : Math.round((signed / total) * 10_000) / 10_000;

function emptyFigures(): CoverageFigures {
  return {
    households: 0,
    signed: 0,
    rate: null,
    memberHouseholds: 0,
    memberSigned: 0,
    memberRate: null,
    byOrg: MEMBER_ORG_KINDS.map((kind) => ({ kind, members: 0, signed: 0 })),
  };
}

function addRow(f: CoverageFigures, r: GroupRow): void {
  const n = Number(r.n);
  const s = Number(r.s);
  if (r.org === null) {
    f.households += n;
    f.signed += s;
    f.rate = rateOf(f.signed, f.households);
    return;
  }
  if (r.org === "*") {
    f.memberHouseholds += n;
    f.memberSigned += s;
    f.memberRate = rateOf(f.memberSigned, f.memberHouseholds);
    return;
  }
  const org = f.byOrg.find((o) => o.kind === r.org);
  if (org) {
    org.members += n;
    org.signed += s;
  }
}

/**
 * Coverage figures per group (one SQL statement, grouped in SQL). A household counts for a year
 * when it was registered by 31/12 of that year (or signed that year's commitment: registers are
 * often typed in after the fact) and had not moved out by 31/12.
 */
export async function coverageGroups(db: Db, p: CoverageParams): Promise<Map<string, CoverageFigures>> {
  const children = p.childrenOfPath !== undefined;
  const rows =
    !p.scope &&
    (!children || p.childrenOfPath === p.rollupPathPrefix) &&
    stockRollupsCover(p.rollupPathPrefix, children)
      ? await (p.rollupRows ?? readHouseholdRollups(db, p.rollupPathPrefix, p.year, children))
      : await coverageRows(db, p);
  const out = new Map<string, CoverageFigures>();
  for (const r of rows) {
    const f = out.get(r.grp) ?? emptyFigures();
    addRow(f, r);
    out.set(r.grp, f);
  }
  return out;
}

/** The coverage rows counted from the records (units below communes, the actor's scope). */
async function coverageRows(db: Db, p: CoverageParams): Promise<GroupRow[]> {
  const grp = p.childrenOfPath
    ? sql`split_part(substr(h.rollup_path, ${p.childrenOfPath.length + 1}::int), '/', 1)`
    : sql`''`;
  return queryRows<GroupRow>(
    db,
    sql`with counted as (
          select ${grp} as grp, h.member_orgs, (c.id is not null) as signed
          from households h
          left join household_commitments c on c.household_id = h.id and c.year = ${p.year}::int
          where h.rollup_path like ${`${escapeLike(p.rollupPathPrefix)}%`} and ${p.scope ?? sql`true`}
            and (h.created_at < ${`${p.year + 1}-01-01T00:00:00+07:00`}::timestamptz or c.id is not null)
            and (h.moved_out_on is null or h.moved_out_on > ${`${p.year}-12-31`}::date))
        select grp, null as org, count(*) as n, count(*) filter (where signed) as s from counted group by grp
        union all
        select grp, '*' as org, count(*) as n, count(*) filter (where signed) as s
          from counted where cardinality(counted.member_orgs) > 0 group by grp
        union all
        select grp, org, count(*) as n, count(*) filter (where signed) as s
          from counted cross join unnest(counted.member_orgs) as org group by grp, org`,
  );
}

function sumFigures(groups: Iterable<CoverageFigures>): CoverageFigures {
  const total = emptyFigures();
  for (const g of groups) {
    total.households += g.households;
    total.signed += g.signed;
    total.memberHouseholds += g.memberHouseholds;
    total.memberSigned += g.memberSigned;
    g.byOrg.forEach((o, i) => {
      total.byOrg[i]!.members += o.members;
      total.byOrg[i]!.signed += o.signed;
    });
  }
  total.rate = rateOf(total.signed, total.households);
  total.memberRate = rateOf(total.memberSigned, total.memberHouseholds);
  return total;
}

/** Households, signed commitments and rate under a path for a year (no actor: for other modules). */
export async function commitmentCoverage(
  db: Db,
  params: { rollupPathPrefix: string; year: number; unitPath?: string | undefined },
): Promise<CoverageFigures> {
  const { unitPath, ...p } = params;
  // A pre-reform unit: the households registered at the units of its old subtree.
  const scope = unitPath
    ? recordsOfUnit(
        { path: unitPath, rollupPath: p.rollupPathPrefix },
        { rollupPath: sql`h.rollup_path`, orgUnitId: sql`h.org_unit_id` },
      )
    : undefined;
  return sumFigures((await coverageGroups(db, scope ? { ...p, scope } : p)).values());
}

type ChildRow = { id: string; name: string; code: string | null; kind: string };

/**
 * Coverage of a unit in the actor's scope, optionally per current child unit. A pre-reform unit
 * answers (without children) from the households registered in its old subtree.
 */
export async function coverageFor(db: Db, actor: Actor, q: CoverageQuery): Promise<Coverage> {
  const today = todayInVietnam();
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "household.read" });
  const former = unit.path !== unit.rollupPath;
  if ((unit.validTo !== null && !former) || (former && q.groupBy === "child")) {
    throw validationFailed([{ path: "orgUnitId", message: "Chọn một đơn vị đang có hiệu lực" }]);
  }
  const inScope = pathInScope(actor, "household.read", sql`h.rollup_path`);
  const groups = await coverageGroups(db, {
    rollupPathPrefix: unit.rollupPath,
    year: q.year,
    scope: former
      ? sql`${inScope} and ${recordsOfUnit(unit, { rollupPath: sql`h.rollup_path`, orgUnitId: sql`h.org_unit_id` })}`
      : inScope,
    ...(q.groupBy === "child" ? { childrenOfPath: unit.path } : {}),
  });
  const result: Coverage = { orgUnitId: unit.id, year: q.year, ...sumFigures(groups.values()) };
  if (q.groupBy !== "child") return result;
  // Units that can hold households (agencies, enterprises and schools cannot).
  const children = await queryRows<ChildRow>(
    db,
    sql`select u.id, u.full_name as name, u.code, u.kind from org_units u
        where u.parent_id = ${unit.id} and ${validOn("u", today)}
          and u.kind in ('province', 'district', 'commune', 'residential_area')
        order by u.sort_name, u.id`,
  );
  result.children = children.map((c) => ({
    orgUnitId: c.id,
    name: c.name,
    code: c.code,
    kind: c.kind,
    ...(groups.get(c.id) ?? emptyFigures()),
  }));
  return result;
}
