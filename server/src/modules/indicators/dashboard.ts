import { todayInVietnam } from "@toandan/contracts";
import type { Dashboard, DashboardQuery, IndicatorCode } from "@toandan/contracts";
import { indicatorOf } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { rollupsCover } from "../../kernel/rollups";
import { readActivityRollups, type RollupField } from "../activities";
import { loadUnit } from "../org-units";
import { existedInYear, formerUnitFigures } from "./dashboard-former";
import { childrenOn, scopeOf } from "./indicators.query";
import { certificationRatesByChild } from "../certification";
import {
  ACTIVITY_FIELD,
  activitiesByChild,
  groupsByChild,
  householdRollupsByChild,
  householdsByChild,
  safeFamiliesByChild,
  type Values,
} from "./dashboard-children";

/** The 21 figures of a dashboard: every figure the plans and the seed reports track at a level. */
export const DASHBOARD_INDICATORS: IndicatorCode[] = [
  "activities.count",
  "activities.attendees",
  "activities.households",
  "activities.students",
  "activities.leaflets",
  "activities.panels",
  "activities.slogans",
  "activities.broadcast_items",
  "activities.broadcast_hours",
  "groups.count",
  "groups.members",
  "groups.teams",
  "groups.models",
  "households.count",
  "households.signed",
  "households.commitment_rate",
  "households.member_commitment_rate",
  "households.safe_family_rate",
  "certification.residential_area_rate",
  "certification.commune_rate",
  "certification.agency_rate",
];

const ZERO_ACTIVITIES = Object.fromEntries(Object.keys(ACTIVITY_FIELD).map((c) => [c, 0]));
const ZERO_GROUPS = { "groups.count": 0, "groups.members": 0, "groups.teams": 0, "groups.models": 0 };
/** Every indicator null (no data), activity and group counts 0: the defaults of a unit's values. */
const NO_VALUES: Values = {
  ...Object.fromEntries(DASHBOARD_INDICATORS.map((c) => [c, null])),
  ...ZERO_ACTIVITIES,
  ...ZERO_GROUPS,
};
const NO_CERTIFICATION = {
  "certification.residential_area_rate": null,
  "certification.commune_rate": null,
  "certification.agency_rate": null,
};
const NO_HOUSEHOLDS = {
  "households.count": 0,
  "households.signed": 0,
  "households.commitment_rate": null,
  "households.member_commitment_rate": null,
};

type TargetRow = { indicator: IndicatorCode; comparator: string; value: number };

function meets(actual: number, comparator: string, value: number): boolean {
  if (comparator === "gte") return actual >= value;
  if (comparator === "gt") return actual > value;
  if (comparator === "lte") return actual <= value;
  if (comparator === "lt") return actual < value;
  return actual === value;
}

/**
 * met: the target is reached; on_track: a yearly sum target not reached yet but at least at the
 * share of the year elapsed (or any other target in a year not over); behind: otherwise.
 */
export function statusOf(
  code: IndicatorCode,
  value: number | null,
  target: TargetRow | undefined,
  yearShare: number,
): Dashboard["tiles"][number]["status"] {
  if (value === null) return "no_data";
  if (!target) return "no_target";
  if (meets(value, target.comparator, target.value)) return "met";
  if (yearShare >= 1) return "behind";
  const sum = indicatorOf(code).aggregation === "sum";
  if (sum && (target.comparator === "gte" || target.comparator === "gt")) {
    return value >= target.value * yearShare ? "on_track" : "behind";
  }
  return "on_track";
}

async function targetsOf(db: Db, unitId: string, year: number): Promise<Map<string, TargetRow>> {
  const rows = await queryRows<TargetRow>(
    db,
    sql`select t.indicator, t.comparator, t.value::float8 as value from plan_targets t
        join plans p on p.id = t.plan_id
        where t.year = ${year} and t.body_kind is null
          and coalesce(t.org_unit_id, p.org_unit_id) = ${unitId}
        order by t.ordinal`,
  );
  return new Map(rows.map((r) => [r.indicator, r]));
}

/** Activity figures per month: from the rollups, or the records below communes. */
async function monthlyActivities(db: Db, path: string, from: string, to: string) {
  if (rollupsCover(path)) {
    return readActivityRollups(db, { path, from, to, dim: { exact: "" }, byMonth: true });
  }
  return queryRows<Record<RollupField, number> & { month: string }>(
    db,
    sql`select to_char(a.date, 'YYYY-MM') as month, count(*)::int as activities,
          sum(a.attendees)::int as attendees, sum(a.households)::int as households,
          sum(a.students)::int as students, sum(a.leaflets)::int as leaflets, sum(a.panels)::int as panels,
          sum(a.slogans)::int as slogans, sum(a.broadcast_items)::int as "broadcastItems",
          sum(a.broadcast_hours)::float8 as "broadcastHours"
        from activities a where a.rollup_path like ${`${path}%`}
          and a.date between ${from}::date and ${to}::date group by 1`,
  );
}

/** One collator for every comparison (half the cost of `localeCompare(…, "vi")` each, measured). */
const byVietnameseName = new Intl.Collator("vi");

/**
 * Sorts children by activities (most first, then by name) and gives them competition ranks: equal
 * figures share a rank and the next rank skips past them ("1, 2, 2, 4"), so units that did nothing
 * are not ranked 2…64 among themselves.
 */
export function rankByActivities<T extends { name: string; rank: number; values: Values }>(
  children: T[],
): T[] {
  const count = (c: T) => c.values["activities.count"] ?? 0;
  children.sort((a, b) => count(b) - count(a) || byVietnameseName.compare(a.name, b.name));
  children.forEach((c, i) => {
    const prev = children[i - 1];
    c.rank = prev && count(prev) === count(c) ? prev.rank : i + 1;
  });
  return children;
}

/**
 * Indicators against targets, the monthly trend and the ranking of child units for one year. A
 * pre-reform unit answers for a year it existed in, from the records of its old subtree, with its
 * children as they stood then.
 */
export async function getDashboard(db: Db, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "indicator.read", scope: "rollup" });
  const former = unit.path === unit.rollupPath ? null : existedInYear(unit, q.year) ? unit : undefined;
  if (former === undefined) {
    throw validationFailed([{ path: "querystring.year", message: "Đơn vị không có hiệu lực trong năm này" }]);
  }
  const today = todayInVietnam();
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const scope = scopeOf(unit, from, to);
  const old = former && (await formerUnitFigures(db, former, DASHBOARD_INDICATORS, q.year));
  const none = Promise.resolve(new Map<string, Values>());
  const households = old ? undefined : householdRollupsByChild(db, unit.path, scope.year);
  const [acts, grps, hhs, safe, certs, targets, kids, monthly, crumbs] = await Promise.all([
    old ? none : activitiesByChild(db, unit.path, from, to),
    old ? none : groupsByChild(db, unit.path, scope.asOf),
    old ? none : householdsByChild(db, unit.path, scope.year, households),
    old ? none : safeFamiliesByChild(db, unit.path, scope.year, households),
    old ? none : certificationRatesByChild(db, { path: unit.path, year: scope.year }),
    targetsOf(db, unit.id, q.year),
    old ? old.kids : childrenOn(db, unit, today),
    old ? old.monthly : monthlyActivities(db, unit.path, from, to),
    // The ancestors are the ids in the unit's path: read by primary key, not by scanning paths.
    queryRows<{ id: string; name: string }>(
      db,
      sql`select u.id, u.full_name as name from org_units u
          where u.id = any(${sql.param(unit.path.split("/").filter(Boolean))}::uuid[]) order by u.depth`,
    ),
  ]);
  // Each source gives its own indicators only, so one copy of the defaults takes them in turn.
  const valuesOf = (key: string): Values => {
    const v: Values = { ...NO_VALUES };
    const parts = [acts.get(key), grps.get(key), hhs.get(key) ?? NO_HOUSEHOLDS, safe.get(key)];
    for (const part of [...parts, certs.get(key) ?? NO_CERTIFICATION, old?.values.get(key)]) {
      Object.assign(v, part);
    }
    return v;
  };
  const values = valuesOf("");
  const start = Date.parse(from);
  const yearShare = Math.min(
    1,
    Math.max(0, (Date.parse(today) - start) / (Date.parse(to) + 86_400_000 - start)),
  );
  const tiles = DASHBOARD_INDICATORS.map((code) => {
    const t = targets.get(code);
    return {
      code,
      value: values[code] ?? null,
      target: t?.value ?? null,
      comparator: t?.comparator ?? null,
      status: statusOf(code, values[code] ?? null, t, yearShare),
    };
  });
  const byMonth = new Map(monthly.map((r) => [r.month, r]));
  const trend = Array.from({ length: 12 }, (_, i) => {
    const month = `${q.year}-${String(i + 1).padStart(2, "0")}`;
    const r = byMonth.get(month);
    const vals: Record<string, number> = {};
    for (const [code, field] of Object.entries(ACTIVITY_FIELD)) vals[code] = r ? Number(r[field]) : 0;
    return { month, values: vals };
  });
  const children = kids.map((c) => ({
    id: c.id,
    name: c.fullName,
    kind: c.kind,
    rank: 0,
    values: valuesOf(c.id),
  }));
  rankByActivities(children);
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.fullName,
    orgUnitKind: unit.kind,
    year: q.year,
    asOf: scope.asOf,
    breadcrumb: crumbs,
    tiles,
    trend,
    children,
  };
}
