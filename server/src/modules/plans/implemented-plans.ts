import { indicatorOf, todayInVietnam } from "@toandan/contracts";
import type {
  BodyKind,
  PlanKind,
  Comparator,
  ImplementedPlan,
  ImplementedPlans,
  IndicatorCode,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, scopePrefixes, type Actor } from "../../kernel/authz";
import { idsInPath } from "../org-units";
import { computeIndicator } from "../indicators";
import { compare } from "./plan-progress";

type Implementer = { id: string; name: string; path: string };

type AncestorPlanRow = {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  orgUnitId: string;
  orgUnitName: string;
  periodFrom: number;
  periodTo: number;
  kind: PlanKind;
  implementerId: string;
};

type TargetRow = {
  id: string;
  planId: string;
  indicator: IndicatorCode;
  comparator: Comparator;
  value: string | number;
  year: number;
  bodyKind: BodyKind | null;
  orgUnitId: string | null;
  unitPath: string | null;
  label: string | null;
};

/** The units at which the actor reads plans: one per plan-reading role (its own unit). */
async function implementersOf(db: Db, actor: Actor): Promise<Implementer[]> {
  const paths = scopePrefixes(actor, "plan.read");
  const roles = actor.roles.filter((r) => paths.includes(r.orgUnitPath));
  const seen = new Map<string, Implementer>();
  for (const r of roles) seen.set(r.orgUnitId, { id: r.orgUnitId, name: r.orgUnitName, path: r.orgUnitPath });
  // Names as the units' full names (the role's name may be short).
  if (seen.size === 0) return [];
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, full_name as name from org_units where id = any(${sql.param([...seen.keys()])}::uuid[])`,
  );
  for (const r of rows) seen.get(r.id)!.name = r.name;
  return [...seen.values()];
}

/**
 * The plans of the levels above the actor's units (their ancestors), each with the implementing
 * unit's share of its targets: the target given to that unit, or the plan-wide rate every unit is
 * held to, or — for a plan-wide count — what the unit's own records contribute. Plans the actor
 * can read anyway (inside its own subtrees) are in the plan list, not here.
 */
export async function listImplementedPlans(
  db: Db,
  actor: Actor,
  opts: { year?: number | undefined },
  today = todayInVietnam(),
): Promise<ImplementedPlans> {
  const implementers = await implementersOf(db, actor);
  const above = implementers.map((u) => ({ u, ancestors: idsInPath(u.path).slice(0, -1) }));
  const ancestorIds = [...new Set(above.flatMap((a) => a.ancestors))];
  if (ancestorIds.length === 0) return { items: [] };
  const plans = await queryRows<Omit<AncestorPlanRow, "implementerId"> & { unitPath: string }>(
    db,
    sql`select p.id, p.number, p.title, p.issued_on::text as "issuedOn", p.org_unit_id as "orgUnitId",
          u.full_name as "orgUnitName", u.path as "unitPath", p.period_from as "periodFrom",
          p.period_to as "periodTo", p.kind
        from plans p join org_units u on u.id = p.org_unit_id
        where p.org_unit_id = any(${sql.param(ancestorIds)}::uuid[])
          ${opts.year ? sql`and ${opts.year} between p.period_from and p.period_to` : sql``}
        order by p.issued_on desc, p.number`,
  );
  const visible = plans.filter((p) => !isInScope(actor, "plan.read", p.unitPath));
  if (visible.length === 0) return { items: [] };
  const planIds = visible.map((p) => p.id);
  const [targets, tasks] = await Promise.all([
    queryRows<TargetRow>(
      db,
      sql`select t.id, t.plan_id as "planId", t.indicator, t.comparator, t.value, t.year,
            t.body_kind as "bodyKind", t.org_unit_id as "orgUnitId", u.path as "unitPath", t.label
          from plan_targets t left join org_units u on u.id = t.org_unit_id
          where t.plan_id = any(${sql.param(planIds)}::uuid[])
            ${opts.year ? sql`and t.year = ${opts.year}` : sql``}
          order by t.year, t.ordinal`,
    ),
    queryRows<{ planId: string; ordinal: number; title: string; bodyKinds: BodyKind[] }>(
      db,
      sql`select plan_id as "planId", ordinal, title, body_kinds as "bodyKinds" from plan_tasks
          where plan_id = any(${sql.param(planIds)}::uuid[]) order by ordinal`,
    ),
  ]);
  const currentYear = Number(today.slice(0, 4));
  const items: ImplementedPlan[] = [];
  for (const { u, ancestors } of above) {
    for (const plan of visible.filter((p) => ancestors.includes(p.orgUnitId))) {
      const own = targets.filter(
        // A plan-wide target, one given to this unit, or one given to a unit this unit lies in.
        (t) => t.planId === plan.id && (!t.unitPath || u.path.startsWith(t.unitPath)),
      );
      const share = await Promise.all(own.map((t) => shareOf(db, u, t, currentYear, today)));
      const { unitPath: _p, ...summary } = plan;
      items.push({
        ...summary,
        implementingUnitId: u.id,
        implementingUnitName: u.name,
        tasks: tasks.filter((t) => t.planId === plan.id).map(({ planId: _id, ...t }) => t),
        share,
      });
    }
  }
  return { items };
}

async function shareOf(
  db: Db,
  unit: Implementer,
  t: TargetRow,
  currentYear: number,
  today: string,
): Promise<ImplementedPlan["share"][number]> {
  const value = Number(t.value);
  const kind =
    t.orgUnitId === unit.id
      ? "assigned"
      : indicatorOf(t.indicator).unit === "rate"
        ? "same_rate"
        : "contribution";
  const target = kind === "contribution" ? null : value;
  const base = {
    targetId: t.id,
    indicator: t.indicator,
    comparator: t.comparator,
    year: t.year,
    bodyKind: t.bodyKind,
    label: t.label,
    kind,
    planValue: value,
    target,
  } as const;
  if (t.year > currentYear) return { ...base, actual: null, status: "not_started" };
  const actual = await computeIndicator(db, t.indicator, {
    rollupPathPrefix: unit.path,
    year: t.year,
    bodyKind: t.bodyKind ?? undefined,
    asOf: t.year < currentYear ? `${t.year}-12-31` : today,
  });
  if (actual === null) return { ...base, actual, status: "no_data" };
  if (target === null) return { ...base, actual, status: "no_target" };
  return { ...base, actual, status: compare(actual, t.comparator, target) ? "met" : "not_met" };
}
