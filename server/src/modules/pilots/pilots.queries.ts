import {
  todayInVietnam,
  type ListPilotsQuery,
  type Permission,
  type Pilot,
  type PilotDetail,
  type PilotEvaluation,
  type PilotPage,
  type PilotReplication,
  type PilotTotals,
  type PilotTotalsQuery,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { mayDesignatePilot, pilotAbilities, pilotStage } from "./pilots.policy";

type Row = Omit<Pilot, "stage"> & { rollupPath: string; evaluations: number };

const SELECT = sql`select p.id, p.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    p.group_id as "groupId", g.name as "groupName", p.type_code as "typeCode", t.name_vi as "typeName",
    p.topic, p.decision_number as "decisionNumber", p.decision_issuer as "decisionIssuer",
    p.decision_on::text as "decisionOn", p.note, p.rollup_path as "rollupPath",
    (select count(*) from pilot_evaluations e where e.pilot_id = p.id)::int as evaluations,
    (select e.result from pilot_evaluations e where e.pilot_id = p.id
      order by e.evaluated_on desc, e.id desc limit 1) as "latestResult",
    (select count(*) from pilot_replications r where r.pilot_id = p.id)::int as replications
  from pilots p join org_units u on u.id = p.org_unit_id
  left join groups g on g.id = p.group_id left join group_types t on t.code = p.type_code`;

export type PilotRow = Row;

const present = ({ rollupPath: _r, evaluations, ...p }: Row): Pilot => ({
  ...p,
  stage: pilotStage(evaluations, p.replications),
});

/** One pilot in the actor's scope for the permission, or 404. */
export async function getPilotRow(db: Db, actor: Actor, id: string, permission: Permission): Promise<Row> {
  const [row] = await queryRows<Row>(
    db,
    sql`${SELECT} where p.id = ${id} and ${pathInScope(actor, permission, sql`p.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

export async function pilotDetail(db: Db, actor: Actor, id: string): Promise<PilotDetail> {
  const row = await getPilotRow(db, actor, id, "group.read");
  const evaluations = await queryRows<PilotEvaluation>(
    db,
    sql`select id, evaluated_on::text as "evaluatedOn", result, findings from pilot_evaluations
        where pilot_id = ${id} order by evaluated_on desc, id desc`,
  );
  const replicationList = await queryRows<PilotReplication>(
    db,
    sql`select r.id, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
          r.replicated_on::text as "replicatedOn", r.group_id as "groupId", g.name as "groupName", r.note
        from pilot_replications r join org_units u on u.id = r.org_unit_id
        left join groups g on g.id = r.group_id
        where r.pilot_id = ${id} order by r.replicated_on, u.full_name`,
  );
  return { ...present(row), evaluations, replicationList, can: pilotAbilities(actor, row) };
}

const subtree = async (db: Db, actor: Actor, unitId: string | undefined) =>
  unitId ? (await loadUnit(db, actor, unitId, { permission: "group.read", scope: "path" })).path : undefined;

/** A page of pilots in scope (and in a unit's subtree), newest decision first. */
export async function pilotPage(db: Db, actor: Actor, q: ListPilotsQuery): Promise<PilotPage> {
  const offset = decodeCursor(q.cursor);
  const where: SQL[] = [pathInScope(actor, "group.read", sql`p.rollup_path`)];
  const prefix = await subtree(db, actor, q.orgUnitId);
  if (prefix) where.push(sql`p.rollup_path like ${`${prefix}%`}`);
  const rows = await queryRows<Row>(
    db,
    sql`select * from (${SELECT} where ${sql.join(where, sql` and `)}) x
        ${stageFilter(q.stage)}
        order by x."decisionOn" desc, x."orgUnitName", x.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(present), can: { create: mayDesignatePilot(actor) } };
}

function stageFilter(stage: ListPilotsQuery["stage"]): SQL {
  if (stage === "replicated") return sql`where x.replications > 0`;
  if (stage === "evaluated") return sql`where x.replications = 0 and x.evaluations > 0`;
  if (stage === "designated") return sql`where x.replications = 0 and x.evaluations = 0`;
  return sql``;
}

/**
 * On a date, in a rollup-path subtree: pilots decided, evaluated at least once, whose latest
 * evaluation found them ready to replicate, replicated at least once, and the units that replicated.
 */
export async function pilotFigures(
  db: Db,
  q: { rollupPathPrefix: string; at: string; scope?: SQL | undefined },
): Promise<Omit<PilotTotals, "on">> {
  const [row] = await queryRows<Omit<PilotTotals, "on">>(
    db,
    sql`select count(*)::int as designated,
          count(*) filter (where exists (select 1 from pilot_evaluations e
            where e.pilot_id = p.id and e.evaluated_on <= ${q.at}::date))::int as evaluated,
          count(*) filter (where (select e.result from pilot_evaluations e
            where e.pilot_id = p.id and e.evaluated_on <= ${q.at}::date
            order by e.evaluated_on desc, e.id desc limit 1) = 'replicable')::int as replicable,
          count(*) filter (where exists (select 1 from pilot_replications r
            where r.pilot_id = p.id and r.replicated_on <= ${q.at}::date))::int as replicated,
          coalesce(sum((select count(*) from pilot_replications r
            where r.pilot_id = p.id and r.replicated_on <= ${q.at}::date)), 0)::int as replications
        from pilots p
        where p.rollup_path like ${`${q.rollupPathPrefix}%`} and p.decision_on <= ${q.at}::date
          ${q.scope ? sql`and ${q.scope}` : sql``}`,
  );
  return row!;
}

/** The figures in a unit's subtree (or all the caller's units) on a date (today by default). */
export async function pilotTotals(db: Db, actor: Actor, q: PilotTotalsQuery): Promise<PilotTotals> {
  const on = q.on ?? todayInVietnam();
  const figures = await pilotFigures(db, {
    rollupPathPrefix: (await subtree(db, actor, q.orgUnitId)) ?? "/",
    at: on,
    scope: pathInScope(actor, "group.read", sql`p.rollup_path`),
  });
  return { on, ...figures };
}
