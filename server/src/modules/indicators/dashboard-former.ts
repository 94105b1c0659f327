import type { IndicatorCode } from "@toandan/contracts";
import type { Db } from "../../db/client";
import type { RollupField } from "../activities";
import { existedOn } from "../org-units";
import { ACTIVITY_FIELD, type Values } from "./dashboard-children";
import { childrenOn, monthsOf, scopeOf, type IndicatorUnit } from "./indicators.query";
import { computeIndicators, newMemo } from "./registry";

/** Whether a unit existed at some time in a year. */
export const existedInYear = (unit: IndicatorUnit, year: number) =>
  existedOn(unit, `${year}-01-01`) || existedOn(unit, `${year}-12-31`);

/**
 * A pre-reform unit's dashboard figures for a year it existed in, read from the records of its old
 * subtree through the indicator registry (the rollups serve today's tree only): the values of the
 * unit (key "") and of its children as they stood on its last day in the year, and the monthly
 * activity rows of the trend.
 */
export async function formerUnitFigures(
  db: Db,
  unit: IndicatorUnit,
  codes: readonly IndicatorCode[],
  year: number,
) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const at = unit.validTo && unit.validTo < to ? unit.validTo : to;
  const memo = newMemo();
  const kids = await childrenOn(db, unit, at);
  const values = new Map<string, Values>();
  for (const u of [unit, ...kids]) {
    values.set(u === unit ? "" : u.id, await computeIndicators(db, codes, scopeOf(u, from, to), memo));
  }
  const activityCodes = Object.keys(ACTIVITY_FIELD) as IndicatorCode[];
  const monthly: (Record<RollupField, number> & { month: string })[] = [];
  for (const m of monthsOf(from, to)) {
    const v = await computeIndicators(db, activityCodes, scopeOf(unit, m.from, m.to), memo);
    const row = { month: m.key } as Record<RollupField, number> & { month: string };
    for (const c of activityCodes) row[ACTIVITY_FIELD[c]!] = v[c] ?? 0;
    monthly.push(row);
  }
  return { kids, values, monthly };
}
