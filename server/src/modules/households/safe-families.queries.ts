import {
  todayInVietnam,
  type SafeFamily,
  type SafeFamilyDeciderLevel,
  type SafeFamilyFigures,
  type SafeFamilyReview,
  type SafeFamilyTotals,
  type SafeFamilyTotalsQuery,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { notRestricted } from "../citizen";
import { loadUnit, recordsOfUnit, validOn } from "../org-units";
import { stockRollupsCover } from "../../kernel/rollups";
import { rateOf } from "./households.coverage";
import { readHouseholdRollups, readSafeFamilyRollups, type HouseholdRollupRow } from "./households.rollups";
import { escapeLike } from "./households.queries";

export type SafeFamilyDbRow = {
  id: string;
  householdId: string;
  year: number;
  decidedLevel: string;
  decidedBy: string;
  decidedOn: string;
  decisionNumber: string | null;
  note: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  createdAt: Date | string;
};

const SELECT_SAFE_FAMILY = sql`select s.id, s.household_id as "householdId", s.year,
    s.decided_level as "decidedLevel", s.decided_by as "decidedBy", s.decided_on::text as "decidedOn",
    s.decision_number as "decisionNumber", s.note, s.withdrawn_on::text as "withdrawnOn",
    s.withdrawn_reason as "withdrawnReason", s.created_at as "createdAt"
  from household_safe_families s`;

export function presentSafeFamily(r: SafeFamilyDbRow): SafeFamily {
  return {
    id: r.id,
    householdId: r.householdId,
    year: Number(r.year),
    decidedLevel: r.decidedLevel as SafeFamilyDeciderLevel,
    decidedBy: r.decidedBy,
    decidedOn: r.decidedOn,
    decisionNumber: r.decisionNumber,
    note: r.note,
    withdrawnOn: r.withdrawnOn,
    withdrawnReason: r.withdrawnReason,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** A household's recognitions, newest year first (withdrawn ones after the standing one). */
export async function safeFamiliesOf(db: Db, householdId: string): Promise<SafeFamily[]> {
  const rows = await queryRows<SafeFamilyDbRow>(
    db,
    sql`${SELECT_SAFE_FAMILY} where s.household_id = ${householdId}
        order by s.year desc, (s.withdrawn_on is null) desc, s.created_at desc`,
  );
  return rows.map(presentSafeFamily);
}

export async function getSafeFamily(db: Db, id: string): Promise<SafeFamily> {
  const [row] = await queryRows<SafeFamilyDbRow>(db, sql`${SELECT_SAFE_FAMILY} where s.id = ${id}`);
  return presentSafeFamily(row!);
}

/**
 * The households counted for a year: registered by 31/12 (or with a commitment or a recognition for
 * the year: registers are often typed in afterwards) and not moved out by 31/12 — the rule of the
 * commitment coverage, so both rates share their households.
 */
const countedFor = (year: number) => sql`(h.created_at < ${`${year + 1}-01-01T00:00:00+07:00`}::timestamptz
    or exists (select 1 from household_commitments c where c.household_id = h.id and c.year = ${year}::int)
    or s.id is not null)
  and (h.moved_out_on is null or h.moved_out_on > ${`${year}-12-31`}::date)`;

const standingJoin = (year: number) => sql`left join household_safe_families s
  on s.household_id = h.id and s.year = ${year}::int and s.withdrawn_on is null`;

/**
 * An area's households of the year with their standing recognition: the yearly review's list
 * (not those restricted at the head's request; the safe-family figures still count them).
 */
export async function safeFamilyReview(
  db: Db,
  actor: Actor,
  orgUnitId: string,
  year: number,
): Promise<SafeFamilyReview> {
  const unit = await loadUnit(db, actor, orgUnitId, { permission: "household.read" });
  if (unit.kind !== "residential_area") {
    throw validationFailed([{ path: "orgUnitId", message: "Chọn một khu dân cư" }]);
  }
  const rows = await queryRows<
    SafeFamilyDbRow & { hid: string; code: string | null; headName: string; address: string }
  >(
    db,
    sql`select h.id as hid, h.code, h.head_name as "headName", h.address, s.id, s.household_id as "householdId",
          s.year, s.decided_level as "decidedLevel", s.decided_by as "decidedBy", s.decided_on::text as "decidedOn",
          s.decision_number as "decisionNumber", s.note, s.withdrawn_on::text as "withdrawnOn",
          s.withdrawn_reason as "withdrawnReason", s.created_at as "createdAt"
        from households h ${standingJoin(year)}
        where h.org_unit_id = ${unit.id} and ${pathInScope(actor, "household.read", sql`h.rollup_path`)}
          and ${countedFor(year)} and ${notRestricted("household", sql`h.id`)}
        order by h.code nulls last, h.search_text, h.id`,
  );
  return {
    orgUnitId: unit.id,
    year,
    items: rows.map((r) => ({
      householdId: r.hid,
      code: r.code,
      headName: r.headName,
      address: r.address,
      recognition: r.id ? presentSafeFamily(r) : null,
    })),
  };
}

type GroupRow = { grp: string; n: number | string; s: number | string };

/** Households and recognised safe families under a path for a year, optionally per child. */
export async function safeFamilyGroups(
  db: Db,
  p: {
    rollupPathPrefix: string;
    year: number;
    scope?: SQL;
    childrenOfPath?: string;
    /** The household rollup rows already read for this path, year and grouping (see `CoverageParams`). */
    rollupRows?: Promise<HouseholdRollupRow[]>;
  },
): Promise<Map<string, SafeFamilyFigures>> {
  const children = p.childrenOfPath !== undefined;
  const rows =
    !p.scope &&
    (!children || p.childrenOfPath === p.rollupPathPrefix) &&
    stockRollupsCover(p.rollupPathPrefix, children)
      ? await rollupRows(db, p.rollupPathPrefix, p.year, children, p.rollupRows)
      : await recordRows(db, p);
  return new Map(
    rows.map((r) => {
      const n = Number(r.n);
      const s = Number(r.s);
      return [r.grp, { households: n, recognised: s, rate: rateOf(s, n) }];
    }),
  );
}

/**
 * From the rollups: the households of the year are those of the commitment coverage plus the late
 * ones (registered after the year, recognised for it without signing). Groups with no household
 * are left out, as the records leave them out.
 */
async function rollupRows(
  db: Db,
  path: string,
  year: number,
  children: boolean,
  householdRows?: Promise<HouseholdRollupRow[]>,
): Promise<GroupRow[]> {
  const [households, recognitions] = await Promise.all([
    householdRows ?? readHouseholdRollups(db, path, year, children),
    readSafeFamilyRollups(db, path, year, children),
  ]);
  const out = new Map<string, { grp: string; n: number; s: number }>();
  const at = (grp: string) => out.get(grp) ?? out.set(grp, { grp, n: 0, s: 0 }).get(grp)!;
  for (const r of households) if (r.org === null) at(r.grp).n += r.n;
  for (const r of recognitions) {
    at(r.grp).n += r.late;
    at(r.grp).s += r.recognised;
  }
  return [...out.values()].filter((r) => r.n !== 0);
}

/** From the records (units below communes, the actor's scope, a pre-reform unit's old subtree). */
async function recordRows(
  db: Db,
  p: { rollupPathPrefix: string; year: number; scope?: SQL; childrenOfPath?: string },
): Promise<GroupRow[]> {
  const grp = p.childrenOfPath
    ? sql`split_part(substr(h.rollup_path, ${p.childrenOfPath.length + 1}::int), '/', 1)`
    : sql`''`;
  return queryRows<GroupRow>(
    db,
    sql`select ${grp} as grp, count(*) as n, count(s.id) as s
        from households h ${standingJoin(p.year)}
        where h.rollup_path like ${`${escapeLike(p.rollupPathPrefix)}%`} and ${p.scope ?? sql`true`}
          and ${countedFor(p.year)}
        group by 1`,
  );
}

const sum = (groups: Iterable<SafeFamilyFigures>): SafeFamilyFigures => {
  let households = 0;
  let recognised = 0;
  for (const g of groups) {
    households += g.households;
    recognised += g.recognised;
  }
  return { households, recognised, rate: rateOf(recognised, households) };
};

/** Safe-family figures under a path for a year (no actor: the indicators registry). */
export async function safeFamilyFigures(
  db: Db,
  params: { rollupPathPrefix: string; year: number; unitPath?: string | undefined },
): Promise<SafeFamilyFigures> {
  const { unitPath, ...p } = params;
  // A pre-reform unit: the households registered at the units of its old subtree (as commitmentCoverage).
  const scope = unitPath
    ? recordsOfUnit(
        { path: unitPath, rollupPath: p.rollupPathPrefix },
        { rollupPath: sql`h.rollup_path`, orgUnitId: sql`h.org_unit_id` },
      )
    : undefined;
  return sum((await safeFamilyGroups(db, scope ? { ...p, scope } : p)).values());
}

/**
 * Totals of a unit in the actor's scope, optionally per current child. Read by rollup path, as the
 * commitment coverage is: a unit's path takes in the records of pre-reform units merged into it.
 */
export async function safeFamilyTotals(
  db: Db,
  actor: Actor,
  q: SafeFamilyTotalsQuery,
): Promise<SafeFamilyTotals> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "household.read" });
  if (unit.validTo !== null) {
    throw validationFailed([{ path: "orgUnitId", message: "Chọn một đơn vị đang có hiệu lực" }]);
  }
  const groups = await safeFamilyGroups(db, {
    rollupPathPrefix: unit.path,
    year: q.year,
    scope: pathInScope(actor, "household.read", sql`h.rollup_path`),
    ...(q.groupBy === "child" ? { childrenOfPath: unit.path } : {}),
  });
  const result: SafeFamilyTotals = { orgUnitId: unit.id, year: q.year, ...sum(groups.values()) };
  if (q.groupBy !== "child") return result;
  const children = await queryRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select u.id, u.full_name as name, u.kind from org_units u
        where u.parent_id = ${unit.id} and ${validOn("u", todayInVietnam())}
          and u.kind in ('province', 'district', 'commune', 'residential_area')
        order by u.sort_name, u.id`,
  );
  result.children = children.map((c) => ({
    orgUnitId: c.id,
    name: c.name,
    kind: c.kind,
    ...(groups.get(c.id) ?? { households: 0, recognised: 0, rate: null }),
  }));
  return result;
}
