import { foldVietnamese, type ListOrgUnitsQuery, type Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";

/**
 * The version every statement that writes `org_units` or `bodies` bumps (by trigger, migration
 * 0056_org_units_cache_version): what a process keeps of units and bodies is checked against it.
 */
export const ORG_UNITS_CACHE = "org-units";

export type OrgUnitDbRow = {
  id: string;
  code: string | null;
  kind: string;
  type: string | null;
  name: string;
  fullName: string;
  parentId: string | null;
  provinceId: string | null;
  path: string;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  isOfficial: boolean;
  childCount: number | string;
  ancestorNames: string[] | null;
};

const KIND_RANK = sql`case u.kind when 'country' then 0 when 'province' then 1 when 'district' then 2
  when 'commune' then 3 when 'residential_area' then 4 when 'agency' then 5 when 'enterprise' then 6 else 7 end`;

/** Valid on `at` (a null bound is open). */
export const validOn = (alias: string, at: string) =>
  sql`((${sql.raw(alias)}.valid_from is null or ${sql.raw(alias)}.valid_from <= ${at}::date)
    and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to >= ${at}::date))`;

/**
 * The actor may see unit `u` for `permission`: it lies in one of the actor's subtrees, or it is a
 * historic unit whose successor (by the reform lineage) does.
 */
export function unitVisible(actor: Actor, permission: Permission = "org_unit.read"): SQL {
  return sql`(${pathInScope(actor, permission, sql`u.path`)} or exists (
    select 1 from org_unit_lineage l join org_units n on n.id = l.new_unit_id
    where l.old_unit_id = u.id and ${pathInScope(actor, permission, sql`n.path`)}))`;
}

/** Names of the unit's ancestors below the country, top first (search results show them). */
const ANCESTOR_NAMES = sql`(select coalesce(array_agg(a.full_name order by a.depth), '{}') from org_units a
    where a.id = any(string_to_array(trim(both '/' from u.path), '/')::uuid[]) and a.id <> u.id and a.depth > 0)`;

/** Without `withChildCount`, `childCount` is null: a caller that never reads it skips the subquery. */
export const SELECT_UNIT = (
  at: string,
  withAncestors = false,
  extra: SQL = sql``,
  withChildCount = true,
) => sql`select u.id,
    u.code, u.kind, u.type, u.name, ${withAncestors ? ANCESTOR_NAMES : sql`null`} as "ancestorNames",
    u.full_name as "fullName", u.parent_id as "parentId", u.province_id as "provinceId", u.path,
    u.rollup_path as "rollupPath", u.depth, u.valid_from::text as "validFrom",
    u.valid_to::text as "validTo", u.is_official as "isOfficial",
    ${withChildCount ? sql`(select count(*) from org_units c where c.parent_id = u.id and ${validOn("c", at)})` : sql`null`} as "childCount"
    ${extra}
  from org_units u`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Units the actor may see, filtered in SQL. Returns `limit + 1` rows for paging. */
export async function listOrgUnits(
  db: Db,
  actor: Actor,
  query: ListOrgUnitsQuery,
  offset: number,
  at: string,
  withinPath?: string,
): Promise<{ rows: OrgUnitDbRow[]; total: number | null }> {
  const where: SQL[] = [unitVisible(actor)];
  if (!query.includeHistoric) where.push(validOn("u", at));
  if (query.parentId) where.push(sql`u.parent_id = ${query.parentId}`);
  if (query.kind) where.push(sql`u.kind = ${query.kind}`);
  if (query.code) where.push(sql`u.code = ${query.code}`);
  if (withinPath) {
    where.push(sql`u.path like ${`${withinPath}%`} and u.path <> ${withinPath}`);
  }
  let order = sql`${KIND_RANK}, u.search_name, u.id`;
  if (query.q) {
    const folded = foldVietnamese(query.q);
    // Trigrams need three letters; shorter terms match the start of the name (indexed prefix).
    const like = folded.length < 3 ? `${escapeLike(folded)}%` : `%${escapeLike(folded)}%`;
    const isCode = /^\d+$/.test(folded);
    where.push(
      isCode
        ? sql`(u.search_name like ${like} or u.code like ${`${folded}%`})`
        : sql`u.search_name like ${like}`,
    );
    order = sql`(u.sort_name = ${folded}) desc, (u.sort_name like ${`${escapeLike(folded)}%`}) desc,
      (u.valid_to is null) desc, ${KIND_RANK}, length(u.search_name), u.search_name, u.id`;
  }
  const cond = sql.join(where, sql` and `);
  const rows = await queryRows<OrgUnitDbRow>(
    db,
    sql`${SELECT_UNIT(at, Boolean(query.q))} where ${cond} order by ${order} limit ${query.limit + 1} offset ${offset}`,
  );
  let total: number | null = null;
  if (query.withTotal) {
    const [c] = await queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from org_units u where ${cond}`,
    );
    total = Number(c?.n ?? 0);
  }
  return { rows, total };
}

export type LineageDbRow = OrgUnitDbRow & { mergeType: "full" | "partial" };

/** Successors (`direction = "next"`) or predecessors of a unit, limited to what the actor may see. */
export async function lineageOf(
  db: Db,
  actor: Actor,
  id: string,
  direction: "next" | "prev",
  at: string,
): Promise<LineageDbRow[]> {
  const [self, other] =
    direction === "next" ? ["old_unit_id", "new_unit_id"] : ["new_unit_id", "old_unit_id"];
  return queryRows<LineageDbRow>(
    db,
    sql`select x.*, l.merge_type as "mergeType" from org_unit_lineage l
        cross join lateral (${SELECT_UNIT(at)}
          where u.id = l.${sql.raw(other)} and ${unitVisible(actor)}) x
        where l.${sql.raw(self)} = ${id} order by x."fullName"`,
  );
}

export type ChangeDbRow = {
  orgUnitId: string;
  effectiveDate: string;
  field: string;
  oldValue: string;
  newValue: string;
  legalBasis: string | null;
};

export async function changesOf(db: Db, unitIds: string[]): Promise<ChangeDbRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<ChangeDbRow>(
    db,
    sql`select org_unit_id as "orgUnitId", effective_date::text as "effectiveDate", field,
          old_value as "oldValue", new_value as "newValue", legal_basis as "legalBasis"
        from org_unit_changes where org_unit_id in (${sql.join(
          unitIds.map((i) => sql`${i}`),
          sql`, `,
        )})
        order by effective_date`,
  );
}
