import {
  todayInVietnam,
  type BodyKind,
  type OrgUnitKind,
  type Permission,
  type UnitBodies,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, pathInScope, type Actor } from "../../kernel/authz";
import { DerivedCache } from "../../kernel/cache-version";
import { notFound } from "../../kernel/errors";
import { preparedRows } from "../../kernel/statements";
import { ORG_UNITS_CACHE, SELECT_UNIT, unitVisible, type OrgUnitDbRow } from "./org-units.queries";

/**
 * One place for places: how other modules load a unit, its province, its ancestors and the bodies
 * at it. Every read of one unit on behalf of an actor goes through `loadUnit`.
 */

/** A unit as every loader returns it. */
export type UnitRow = OrgUnitDbRow & {
  /** Path of the current unit its records roll up into (equals `path` for current units). */
  rollupPath: string;
};

/**
 * Which of the unit's paths must lie in one of the actor's subtrees:
 * - `lineage` (default): its own path, or — a pre-reform unit — the path of one of its successors
 *   (`unitVisible`): what the unit pages show;
 * - `rollup`: its rollup path, i.e. its records count in the actor's subtree (activities,
 *   indicators, statistics);
 * - `path`: its own path only (subtree filters, writes that must sit inside the scope).
 */
export type UnitScope = "lineage" | "rollup" | "path";

export type LoadUnitOptions = {
  /** The permission whose subtrees count (default `org_unit.read`). */
  permission?: Permission;
  scope?: UnitScope;
  /** The tree's date for `childCount` (default today). */
  at?: string;
  /** 404 unless the unit is current (no end of validity). */
  current?: boolean;
};

/** A body, with the path of the unit it belongs to. */
export type BodyAtPath = { id: string; kind: string; name: string; path: string };

function scopeSql(actor: Actor, permission: Permission, scope: UnitScope): SQL {
  if (scope === "rollup") return pathInScope(actor, permission, sql`u.rollup_path`);
  if (scope === "path") return pathInScope(actor, permission, sql`u.path`);
  return unitVisible(actor, permission);
}

const inList = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/**
 * The units and bodies the write paths have loaded for a session's actor (`loadUnit` with
 * `withBodies`), kept with the actor object (kernel/cache-version.ts, DerivedCache): the session
 * cache hands out a new actor once the `org-units` version has changed, which every statement that
 * writes `org_units` or `bodies` bumps in its own transaction (migration 0056_org_units_cache_version)
 * — the unit import, the two-level reform, local units, any admin command or hand-made SQL alike.
 * Only rows as they are: which of them the actor may act on is decided on every request, below.
 */
const unitsSeen = new DerivedCache<Omit<UnitRow, "childCount">>(ORG_UNITS_CACHE);
const bodiesSeen = new DerivedCache<BodyAtPath>(ORG_UNITS_CACHE);

/** The same predicate as `scopeSql` for the two scopes a kept unit is checked with. */
function inScope(
  actor: Actor,
  permission: Permission,
  scope: "rollup" | "path",
  u: UnitRow | Omit<UnitRow, "childCount">,
) {
  return isInScope(actor, permission, scope === "rollup" ? u.rollupPath : u.path);
}

/**
 * The unit the actor may act on, or 404 (never revealing that a hidden unit exists). With
 * `withBodies`, also those bodies (of any unit, with their unit's path) in the same round trip, for
 * the caller to check where they sit; an unknown id is simply missing from `bodies`.
 */
export async function loadUnit(db: Db, actor: Actor, id: string, options?: LoadUnitOptions): Promise<UnitRow>;
export async function loadUnit(
  db: Db,
  actor: Actor,
  id: string,
  options: LoadUnitOptions & { withBodies: readonly string[] },
): Promise<Omit<UnitRow, "childCount"> & { bodies: BodyAtPath[] }>;
export async function loadUnit(
  db: Db,
  actor: Actor,
  id: string,
  options: LoadUnitOptions & { withBodies?: readonly string[] } = {},
): Promise<Omit<UnitRow, "childCount"> & { bodies?: BodyAtPath[] }> {
  const { permission = "org_unit.read", scope = "lineage", withBodies } = options;
  // The write paths (withBodies, on the primary) answer from what this actor has loaded before,
  // when it has loaded the unit and every body asked for: no round trip. The scope is checked here
  // as scopeSql would (a `lineage` scope reads the lineage table: always asked).
  if (withBodies !== undefined && scope !== "lineage") {
    const kept = unitsSeen.peek(actor, id);
    const bodies = kept && withBodies.map((b) => bodiesSeen.peek(actor, b));
    if (kept && bodies && bodies.every((b) => b !== undefined)) {
      if (!inScope(actor, permission, scope, kept) || (options.current && kept.validTo !== null)) {
        throw notFound();
      }
      return { ...kept, bodies: [...new Set(bodies)] };
    }
  }
  // Today only when the database is asked (a write answered from what the actor has loaded needs none).
  const at = options.at === undefined ? todayInVietnam() : options.at;
  const bodies =
    withBodies === undefined
      ? sql``
      : withBodies.length === 0
        ? sql`, '[]'::json as bodies`
        : sql`, coalesce((select json_agg(json_build_object('id', b.id, 'kind', b.kind, 'name', b.name,
                  'path', bu.path))
                from bodies b join org_units bu on bu.id = b.org_unit_id
                where b.id in (${inList(withBodies)})), '[]'::json) as bodies`;
  // Prepared (kernel/statements.ts): every write at a unit runs it first, and its text varies only
  // with the actor's number of subtrees and of bodies asked for.
  const [row] = await preparedRows<UnitRow & { bodies?: BodyAtPath[] }>(
    db,
    // The write paths that ask for bodies never read `childCount`: its subquery is skipped (null).
    sql`${SELECT_UNIT(at, false, bodies, withBodies === undefined)}
        where u.id = ${id} and ${scopeSql(actor, permission, scope)}
        ${options.current ? sql`and u.valid_to is null` : sql``}`,
  );
  if (!row) throw notFound();
  if (withBodies !== undefined && scope !== "lineage") {
    const { bodies: found, ...unit } = row;
    unitsSeen.put(actor, id, Object.freeze(unit));
    for (const b of found ?? []) bodiesSeen.put(actor, b.id, Object.freeze(b));
  }
  return row;
}

/**
 * A current unit by id, whoever asks — for the public citizen channels only (no actor, no scope);
 * `kinds` limits the answer. Undefined when there is none.
 */
export async function findCurrentUnit(
  db: Db,
  id: string,
  kinds?: readonly OrgUnitKind[],
): Promise<UnitRow | undefined> {
  const [row] = await queryRows<UnitRow>(
    db,
    sql`${SELECT_UNIT(todayInVietnam())} where u.id = ${id} and u.valid_to is null
        ${kinds?.length ? sql`and u.kind in (${inList(kinds)})` : sql``}`,
  );
  return row;
}

/** Current provinces, or the current communes of one province, in name order (public place pickers). */
export function listCurrentUnits(
  db: Db,
  filter: { kind: "province" } | { kind: "commune"; provinceId: string },
): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.full_name as name from org_units u where u.kind = ${filter.kind} and u.valid_to is null
        ${filter.kind === "commune" ? sql`and u.province_id = ${filter.provinceId}` : sql``}
        order by u.sort_name, u.id`,
  );
}

/** The province of a path ("/country/province/…/"): records' distribution key. Null for the root. */
export function provinceOf(path: string): string | null {
  return path.split("/").filter(Boolean)[1] ?? null;
}

/**
 * The records of a unit's subtree, for any table whose rows keep a rollup path and a unit id: for a
 * current unit, those whose rollup path lies under its path; for a pre-reform unit, those made at a
 * unit of its own old subtree (its `path`), found under the rollup path it counts in. The one rule
 * every figure of a unit reads (activities, groups, cases, tips, households, certification…).
 */
export function recordsOfUnit(
  unit: { path: string; rollupPath: string },
  record: { rollupPath: SQL; orgUnitId: SQL },
): SQL {
  const prefix = sql`${record.rollupPath} like ${`${unit.rollupPath}%`}`;
  if (unit.path === unit.rollupPath) return prefix;
  return sql`(${prefix} and exists (select 1 from org_units ou
    where ou.id = ${record.orgUnitId} and ou.path like ${`${unit.path}%`}))`;
}

/** Whether a unit existed on a date (its validity in the tree of that date). */
export function existedOn(unit: { validFrom: string | null; validTo: string | null }, at: string): boolean {
  return !(unit.validFrom && unit.validFrom > at) && !(unit.validTo && unit.validTo < at);
}

/** The ids in a path, top first (the country root, the province, …, the unit itself). */
export const idsInPath = (path: string): string[] => path.split("/").filter(Boolean);

/** The ancestors of a unit (in its own tree, not itself), top first; unscoped — for names. */
export function ancestorsOf(
  db: Db,
  unit: { id: string; path: string },
  at: string = todayInVietnam(),
): Promise<UnitRow[]> {
  const ids = idsInPath(unit.path).filter((i) => i !== unit.id);
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<UnitRow>(
    db,
    sql`${SELECT_UNIT(at)} where u.id = any(${sql.param(ids)}::uuid[]) order by u.depth`,
  );
}

/** Bodies in a fixed order of kinds: the Front, the police and the steering committee first. */
const BODY_ORDER = sql`array_position(array['front','police','steering','farmers','women','veterans','youth',
  'labour','elderly','grassroots_team']::text[], b.kind)`;

export type BodyRow = { id: string; orgUnitId: string; kind: BodyKind; name: string };

/** The bodies at these units, by unit then kind. */
export async function bodiesOf(db: Db, unitIds: readonly string[]): Promise<BodyRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<BodyRow>(
    db,
    sql`select b.id, b.org_unit_id as "orgUnitId", b.kind, b.name from bodies b
        where b.org_unit_id = any(${sql.param([...unitIds])}::uuid[]) order by b.org_unit_id, ${BODY_ORDER}`,
  );
}

/**
 * The bodies of a unit and of its ancestors — in its own tree and, for a pre-reform unit, in the
 * current unit it rolls up into — grouped by unit: the unit first, then upwards; units without
 * bodies (the country root) left out. These are exactly the bodies a record at the unit may name as
 * its organisers (a body whose unit's path is a prefix of the unit's path or rollup path).
 */
export async function bodiesOfUnitAndAncestors(
  db: Db,
  unit: { id: string; path: string; rollupPath: string },
): Promise<UnitBodies[]> {
  const ids = [...new Set([...idsInPath(unit.path), ...idsInPath(unit.rollupPath)])];
  return queryRows<UnitBodies>(
    db,
    sql`select u.id as "orgUnitId", u.full_name as "orgUnitName", u.kind as "orgUnitKind",
          json_agg(json_build_object('id', b.id, 'kind', b.kind, 'name', b.name) order by ${BODY_ORDER}) as bodies
        from org_units u join bodies b on b.org_unit_id = u.id
        where u.id = any(${sql.param(ids)}::uuid[])
        group by u.id, u.full_name, u.kind, u.depth
        order by (u.id = ${unit.id}) desc, u.depth desc, (u.valid_to is null) desc, u.full_name`,
  );
}
