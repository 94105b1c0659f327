import type { GroupCategory, GroupTypeTotal } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { stockRollupsCover } from "../../kernel/rollups";
import { readGroupRollups } from "./groups.rollups";
import { groupsOfUnit, SELECT_GROUP, type GroupDbRow, type UnitPaths } from "./groups.queries";

export type StaleGroupDbRow = GroupDbRow & { lastEvaluatedOn: string | null; lastActivityOn: string | null };

/**
 * Groups that exist only on paper as far as the records show, as of `asOf`:
 * - the group exists on `asOf` (founded on or before it, not dissolved by it) and is at least
 *   12 months old — a younger group has not had a whole window to show life;
 * - no evaluation dated in the window (asOf − 12 months, asOf];
 * - no activity in the window. An activity counts for a group when it is recorded at the group's
 *   own unit (activities.org_unit_id = groups.org_unit_id) with its date in the window: activities
 *   carry no link to a group, and a model lives in the residential area or commune it was set up in,
 *   so any movement activity recorded there is the best evidence the model is alive.
 * `limit + 1` rows, oldest groups first.
 */
export async function listStaleGroups(
  db: Db,
  actor: Actor,
  opts: { unit: UnitPaths | undefined; asOf: string; offset: number; limit: number },
): Promise<StaleGroupDbRow[]> {
  const windowStart = sql`(${opts.asOf}::date - interval '12 months')::date`;
  const where: SQL[] = [
    pathInScope(actor, "group.read", sql`g.rollup_path`),
    sql`g.founded_on <= ${windowStart}`,
    sql`(g.dissolved_on is null or g.dissolved_on > ${opts.asOf}::date)`,
    sql`(ev.last is null or ev.last <= ${windowStart})`,
    sql`(act.last is null or act.last <= ${windowStart})`,
  ];
  if (opts.unit) where.push(groupsOfUnit(opts.unit));
  return queryRows<StaleGroupDbRow>(
    db,
    sql`select x.*, ev.last::text as "lastEvaluatedOn", act.last::text as "lastActivityOn"
        from (${SELECT_GROUP}) x
        join groups g on g.id = x.id
        left join lateral (select max(e.evaluated_on) as last from group_evaluations e
          where e.group_id = g.id and e.evaluated_on <= ${opts.asOf}::date) ev on true
        left join lateral (select max(a.date) as last from activities a
          where a.org_unit_id = g.org_unit_id and a.date <= ${opts.asOf}::date) act on true
        where ${sql.join(where, sql` and `)}
        order by g.founded_on, g.id limit ${opts.limit + 1} offset ${opts.offset}`,
  );
}

/**
 * Per type, in one query: groups existing on `at` under the rollup path prefix, and their members
 * active on `at`. Periods are half-open, the same rule for groups and members: a group exists from
 * its founding day up to (not including) its dissolution day; a member is active from the join day
 * up to (not including) the leave day. Used by the API, plan targets and reports.
 * `groups` and `members` are the sums over `byType`.
 */
export async function groupTotals(
  db: Db,
  opts: { rollupPathPrefix: string; at: string; unitPath?: string | undefined },
): Promise<{ groups: number; members: number; byType: GroupTypeTotal[] }> {
  const byType =
    !opts.unitPath && stockRollupsCover(opts.rollupPathPrefix)
      ? await totalsFromRollups(db, opts.rollupPathPrefix, opts.at)
      : await totalsFromRecords(db, opts);
  return {
    groups: byType.reduce((n, r) => n + r.groups, 0),
    members: byType.reduce((n, r) => n + r.members, 0),
    byType,
  };
}

type TypeRow = { code: string; name: string; category: GroupCategory };

/** Group types by code (a small catalogue). */
export async function groupTypesByCode(db: Db): Promise<Map<string, TypeRow>> {
  const rows = await queryRows<TypeRow>(
    db,
    sql`select code, name_vi as name, category from group_types order by category desc, code`,
  );
  return new Map(rows.map((t) => [t.code, t]));
}

async function totalsFromRollups(db: Db, path: string, at: string): Promise<GroupTypeTotal[]> {
  const [rows, types] = await Promise.all([readGroupRollups(db, path, at, false), groupTypesByCode(db)]);
  const counts = new Map(rows.filter((r) => r.groups !== 0).map((r) => [r.typeCode, r]));
  return [...types.values()]
    .filter((t) => counts.has(t.code))
    .map((t) => ({
      typeCode: t.code,
      typeName: t.name,
      category: t.category,
      groups: counts.get(t.code)!.groups,
      members: counts.get(t.code)!.members,
    }));
}

async function totalsFromRecords(
  db: Db,
  opts: { rollupPathPrefix: string; at: string; unitPath?: string | undefined },
): Promise<GroupTypeTotal[]> {
  const rows = await queryRows<{
    typeCode: string;
    typeName: string;
    category: GroupCategory;
    groups: string | number;
    members: string | number;
  }>(
    db,
    sql`select t.code as "typeCode", t.name_vi as "typeName", t.category,
          count(distinct g.id) as groups, count(m.id) as members
        from groups g
        join group_types t on t.code = g.type_code
        left join group_members m on m.group_id = g.id and m.joined_on <= ${opts.at}::date
          and (m.left_on is null or m.left_on > ${opts.at}::date)
        where ${groupsOfUnit({ path: opts.unitPath ?? opts.rollupPathPrefix, rollupPath: opts.rollupPathPrefix })}
          and g.founded_on <= ${opts.at}::date
          and (g.dissolved_on is null or g.dissolved_on > ${opts.at}::date)
        group by t.code, t.name_vi, t.category
        order by t.category desc, t.code`,
  );
  return rows.map((r) => ({ ...r, groups: Number(r.groups), members: Number(r.members) }));
}
