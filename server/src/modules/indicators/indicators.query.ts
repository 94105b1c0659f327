import {
  ACTIVITY_KIND_LABELS,
  lastDayOfMonth,
  nextMonth,
  ACTIVITY_KINDS,
  ACTIVITY_TOPIC_LABELS,
  ACTIVITY_TOPICS,
  BODY_KIND_SHORT_LABELS,
  BODY_KINDS,
  type IndicatorResult,
  type Permission,
  type QueryIndicatorsQuery,
  todayInVietnam,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { loadUnit, validOn } from "../org-units";
import { isPolice } from "../tips";
import { computeIndicators, newMemo, suppressSmallTipCells, type IndicatorScope } from "./registry";

export type IndicatorUnit = {
  id: string;
  kind: string;
  fullName: string;
  path: string;
  rollupPath: string;
  validFrom: string | null;
  validTo: string | null;
};

const UNIT_COLUMNS = sql`u.id, u.kind, u.full_name as "fullName", u.path, u.rollup_path as "rollupPath",
  u.valid_from::text as "validFrom", u.valid_to::text as "validTo"`;

/**
 * A unit whose figures the actor may read (its records roll up into the actor's subtree), or 404.
 * Kept for the reports module; new code calls `loadUnit(…, { scope: "rollup" })` from org-units.
 */
export function loadIndicatorUnit(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = "indicator.read",
): Promise<IndicatorUnit> {
  return loadUnit(db, actor, id, { permission, scope: "rollup" });
}

/** Current children on `at` (the tree of that date), in name order. */
export function childrenOn(db: Db, unit: IndicatorUnit, at: string): Promise<IndicatorUnit[]> {
  return queryRows<IndicatorUnit>(
    db,
    sql`select ${UNIT_COLUMNS} from org_units u
        where u.parent_id = ${unit.id} and ${validOn("u", at)}
        order by u.sort_name, u.id`,
  );
}

/**
 * The scope of a unit over [from, to]: today's units by rollup path, pre-reform units by their old
 * tree, their stock figures read no later than their last day.
 */
export function scopeOf(unit: IndicatorUnit, from: string, to: string): IndicatorScope {
  const today = todayInVietnam();
  const end = unit.path !== unit.rollupPath && unit.validTo && unit.validTo < today ? unit.validTo : today;
  const asOf = to < end ? to : end;
  return {
    rollupPathPrefix: unit.rollupPath,
    unitPath: unit.path === unit.rollupPath ? undefined : unit.path,
    year: Number(asOf.slice(0, 4)),
    from,
    to,
    asOf,
  };
}

/** Calendar months of [from, to], each clipped to the period. */
export function monthsOf(from: string, to: string): { key: string; from: string; to: string }[] {
  const out = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7);) {
    const start = `${m}-01` < from ? from : `${m}-01`;
    const end = lastDayOfMonth(m) > to ? to : lastDayOfMonth(m);
    out.push({ key: m, from: start, to: end });
    m = nextMonth(m);
  }
  return out;
}

type Group = { key: string; label: string; scope: IndicatorScope };

async function groupsOf(
  db: Db,
  q: QueryIndicatorsQuery,
  unit: IndicatorUnit,
  base: IndicatorScope,
  at: string,
): Promise<Group[]> {
  switch (q.groupBy) {
    case "child":
      return (await childrenOn(db, unit, at)).map((c) => ({
        key: c.id,
        label: c.fullName,
        scope: { ...scopeOf(c, q.from, q.to), bodyKind: q.bodyKind },
      }));
    case "body":
      return BODY_KINDS.map((k) => ({
        key: k,
        label: BODY_KIND_SHORT_LABELS[k],
        scope: { ...base, bodyKind: k },
      }));
    case "kind":
      return ACTIVITY_KINDS.map((k) => ({
        key: k,
        label: ACTIVITY_KIND_LABELS[k],
        scope: { ...base, kind: k },
      }));
    case "topic":
      return ACTIVITY_TOPICS.map((k) => ({
        key: k,
        label: ACTIVITY_TOPIC_LABELS[k],
        scope: { ...base, topic: k },
      }));
    case "period":
      return monthsOf(q.from, q.to).map((m) => {
        const s = scopeOf(unit, m.from, m.to);
        return {
          key: m.key,
          label: `${m.key.slice(5)}/${m.key.slice(0, 4)}`,
          scope: { ...s, bodyKind: q.bodyKind },
        };
      });
    case undefined:
      return [];
  }
}

/**
 * Any set of indicators for a unit over a period, optionally broken down. Units are read in the tree
 * of `at` (today by default): a pre-reform unit valid on `at` answers for its old subtree.
 */
export async function queryIndicators(
  db: Db,
  actor: Actor,
  q: QueryIndicatorsQuery,
): Promise<IndicatorResult> {
  const at = q.at ?? todayInVietnam();
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "indicator.read", scope: "rollup" });
  if ((unit.validFrom && unit.validFrom > at) || (unit.validTo && unit.validTo < at)) {
    throw validationFailed([{ path: "querystring.at", message: "Đơn vị không có hiệu lực vào ngày này" }]);
  }
  const base: IndicatorScope = { ...scopeOf(unit, q.from, q.to), bodyKind: q.bodyKind };
  const memo = newMemo();
  const exact = isPolice(actor);
  const totals = suppressSmallTipCells(await computeIndicators(db, q.indicators, base, memo), exact);
  const result: IndicatorResult = {
    orgUnitId: unit.id,
    orgUnitName: unit.fullName,
    from: q.from,
    to: q.to,
    at,
    groupBy: q.groupBy ?? null,
    indicators: q.indicators,
    totals,
  };
  if (!q.groupBy) return result;
  if (q.bodyKind && q.groupBy === "body") {
    throw validationFailed([
      { path: "querystring.groupBy", message: "Không nhóm theo khối khi đã lọc một khối" },
    ]);
  }
  const groups = await groupsOf(db, q, unit, base, at);
  // Groups are independent reads: on PostgreSQL they run side by side on the pool.
  result.groups = await Promise.all(
    groups.map(async (g) => ({
      key: g.key,
      label: g.label,
      values: suppressSmallTipCells(await computeIndicators(db, q.indicators, g.scope, memo), exact),
    })),
  );
  return result;
}
