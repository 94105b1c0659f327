import type { BodyKind, Plan } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { hasPermission, isInScope, pathInScope, type Actor } from "../../kernel/authz";
import { forbidden, notFound } from "../../kernel/errors";
import { reviewsOfPlan, sourcesOfPlan } from "./plan-sources.queries";

type PlanRow = {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  orgUnitId: string;
  orgUnitName: string;
  unitPath: string;
  periodFrom: number;
  periodTo: number;
  kind: Plan["kind"];
  rollupPath: string;
  createdAt: string | Date;
};

export type PlanWithPath = Plan & { unitPath: string };

const SELECT_PLAN = sql`select p.id, p.number, p.title, p.issued_on::text as "issuedOn", p.org_unit_id as "orgUnitId",
    u.full_name as "orgUnitName", u.path as "unitPath", p.period_from as "periodFrom", p.period_to as "periodTo",
    p.kind, p.rollup_path as "rollupPath", p.created_at as "createdAt"
  from plans p join org_units u on u.id = p.org_unit_id`;

/** What the actor may do with a plan of this rollup path: the commands' own check (`loadManagedPlan`). */
function planAbilities(actor: Actor, rollupPath: string): Plan["can"] {
  const manages = isInScope(actor, "plan.manage", rollupPath);
  return { update: manages, delete: manages, review: manages };
}

/** Whether the actor may create a plan somewhere in their scope (the list's `can.create`). */
export const canCreatePlan = (actor: Actor) => hasPermission(actor, "plan.manage");

/** A plan the actor may manage (read scope for 404, then manage scope for 403 on the unit). */
export async function loadManagedPlan(db: Db, actor: Actor, id: string) {
  const [row] = await queryRows<PlanRow & { rollupPath: string; manageable: boolean }>(
    db,
    sql`select p.id, p.number, p.title, p.org_unit_id as "orgUnitId", u.path as "unitPath",
          p.period_from as "periodFrom", p.period_to as "periodTo",
          ${pathInScope(actor, "plan.manage", sql`p.rollup_path`)} as manageable
        from plans p join org_units u on u.id = p.org_unit_id
        where p.id = ${id} and ${pathInScope(actor, "plan.read", sql`p.rollup_path`)}`,
  );
  if (!row) throw notFound();
  if (!row.manageable) throw forbidden();
  return row;
}

/** A plan the actor may read (its scope unit lies in one of the actor's subtrees), or 404. */
export async function getPlan(db: Db, actor: Actor, id: string): Promise<PlanWithPath> {
  const [row] = await queryRows<PlanRow>(
    db,
    sql`${SELECT_PLAN} where p.id = ${id} and ${pathInScope(actor, "plan.read", sql`p.rollup_path`)}`,
  );
  if (!row) throw notFound();
  const [sources, reviews, issuers, tasks, milestones, targets] = await Promise.all([
    sourcesOfPlan(db, id),
    reviewsOfPlan(db, id),
    queryRows<{ id: string; kind: BodyKind; name: string }>(
      db,
      sql`select b.id, b.kind, b.name from plan_issuers i join bodies b on b.id = i.body_id
          where i.plan_id = ${id} order by b.kind`,
    ),
    queryRows<Plan["tasks"][number]>(
      db,
      sql`select id, ordinal, title, description, body_kinds as "bodyKinds" from plan_tasks
          where plan_id = ${id} order by ordinal`,
    ),
    queryRows<Plan["milestones"][number]>(
      db,
      sql`select id, year, text from plan_milestones where plan_id = ${id} order by year, ordinal`,
    ),
    queryRows<Omit<Plan["targets"][number], "value"> & { value: string | number }>(
      db,
      sql`select t.id, t.indicator, t.comparator, t.value, t.year, t.body_kind as "bodyKind",
            t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", t.label
          from plan_targets t left join org_units u on u.id = t.org_unit_id
          where t.plan_id = ${id} order by t.ordinal`,
    ),
  ]);
  const { rollupPath, ...plan } = row;
  return {
    ...plan,
    can: planAbilities(actor, rollupPath),
    createdAt: new Date(row.createdAt).toISOString(),
    sources,
    reviews,
    issuers,
    tasks,
    milestones,
    targets: targets.map((t) => ({
      ...t,
      value: Number(t.value),
      indicator: t.indicator,
      comparator: t.comparator,
    })),
  };
}

export async function listPlans(
  db: Db,
  actor: Actor,
  opts: {
    unitPath?: string;
    year?: number;
    kind?: string;
    sourceId?: string;
    offset: number;
    limit: number;
  },
) {
  const where = [pathInScope(actor, "plan.read", sql`p.rollup_path`)];
  if (opts.unitPath) where.push(sql`p.rollup_path like ${`${opts.unitPath}%`}`);
  if (opts.year) where.push(sql`${opts.year} between p.period_from and p.period_to`);
  if (opts.kind) where.push(sql`p.kind = ${opts.kind}`);
  if (opts.sourceId) {
    where.push(
      sql`exists (select 1 from plan_source_links l where l.plan_id = p.id and l.source_id = ${opts.sourceId})`,
    );
  }
  const rows = await queryRows<PlanRow>(
    db,
    sql`${SELECT_PLAN} where ${sql.join(where, sql` and `)}
        order by p.issued_on desc, p.number limit ${opts.limit + 1} offset ${opts.offset}`,
  );
  return rows.map(({ unitPath: _p, rollupPath: _r, createdAt: _c, ...r }) => r);
}
