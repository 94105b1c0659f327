import { todayInVietnam } from "@toandan/contracts";
import type { Comparator, PlanProgress } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { computeIndicator } from "../indicators";
import type { PlanWithPath } from "./plans.queries";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";

export function compare(actual: number, comparator: Comparator, value: number): boolean {
  switch (comparator) {
    case "gte":
      return actual >= value;
    case "gt":
      return actual > value;
    case "lte":
      return actual <= value;
    case "lt":
      return actual < value;
    case "eq":
      return actual === value;
  }
}

/**
 * Progress of every target, computed now from the records: the indicator for the target's unit
 * (the plan's unit, or the unit the target was pushed down to), its year and its body.
 */
export async function planProgress(
  db: Db,
  plan: PlanWithPath,
  today = todayInVietnam(),
): Promise<PlanProgress> {
  const unitIds = [...new Set(plan.targets.map((t) => t.orgUnitId).filter((x): x is string => !!x))];
  const units = unitIds.length
    ? await queryRows<{ id: string; path: string; fullName: string }>(
        db,
        sql`select id, path, full_name as "fullName" from org_units
            where id in (${sql.join(
              unitIds.map((i) => sql`${i}`),
              sql`, `,
            )})`,
      )
    : [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const currentYear = Number(today.slice(0, 4));
  const targets = await Promise.all(
    plan.targets.map(async (t) => {
      const unit = (t.orgUnitId && byId.get(t.orgUnitId)) || {
        id: plan.orgUnitId,
        path: plan.unitPath,
        fullName: plan.orgUnitName,
      };
      const base = {
        targetId: t.id,
        indicator: t.indicator,
        comparator: t.comparator,
        value: t.value,
        year: t.year,
        bodyKind: t.bodyKind,
        orgUnitId: unit.id,
        orgUnitName: unit.fullName,
      };
      if (t.year > currentYear) return { ...base, actual: null, status: "not_started" as const };
      const asOf = t.year < currentYear ? `${t.year}-12-31` : today;
      const actual = await computeIndicator(db, t.indicator, {
        rollupPathPrefix: unit.path,
        year: t.year,
        bodyKind: t.bodyKind ?? undefined,
        asOf,
      });
      if (actual === null) return { ...base, actual, status: "no_data" as const };
      return {
        ...base,
        actual,
        status: compare(actual, t.comparator, t.value) ? ("met" as const) : ("not_met" as const),
      };
    }),
  );
  return { planId: plan.id, asOf: today, targets };
}
