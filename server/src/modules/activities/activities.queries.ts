import type { ActivityDetail, ActivityPage, ListActivitiesQuery, Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit, recordsOfUnit, type UnitRow } from "../org-units";
import { presentActivity, presentActivityDetail } from "./activities.presenter";
import { mayCreateActivity } from "./activities.policy";

/** The unit an activity is recorded at (or a filter's subtree root): `loadUnit(…, { scope: "rollup" })`. */
export type ActivityUnitRow = Pick<UnitRow, "id" | "kind" | "fullName" | "path" | "rollupPath" | "validTo">;

export type OrganizerJson = { id: string; kind: string; name: string };

export type ActivityDbRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  unitPath: string;
  rollupPath: string;
  unitValidTo: string | null;
  kind: string;
  date: string;
  title: string | null;
  topics: string[];
  channels: string[];
  tags: string[];
  attendees: number;
  households: number;
  students: number;
  leaflets: number;
  panels: number;
  slogans: number;
  broadcastItems: number;
  broadcastHours: number | string;
  broadcastStations: number;
  broadcastAirings: number;
  broadcastMinutes: number;
  notes: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  version: number;
  organizers: OrganizerJson[] | null;
};

const BODY_ORDER = sql`array['front','police','steering','farmers','women','veterans','youth','labour','elderly','grassroots_team']::text[]`;

const SELECT_ACTIVITY = sql`select a.id, a.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    u.path as "unitPath", a.rollup_path as "rollupPath", u.valid_to::text as "unitValidTo",
    a.kind, a.date::text as date, a.title, a.topics, a.channels, a.tags, a.attendees, a.households, a.students,
    a.leaflets, a.panels, a.slogans, a.broadcast_items as "broadcastItems",
    a.broadcast_hours::float8 as "broadcastHours", a.broadcast_stations as "broadcastStations",
    a.broadcast_airings as "broadcastAirings", a.broadcast_minutes as "broadcastMinutes", a.notes,
    a.created_at as "createdAt", a.updated_at as "updatedAt", a.version,
    (select json_agg(json_build_object('id', b.id, 'kind', b.kind, 'name', b.name)
              order by array_position(${BODY_ORDER}, b.kind), b.name)
       from activity_organizers o join bodies b on b.id = o.body_id
      where o.activity_id = a.id) as organizers
  from activities a join org_units u on u.id = a.org_unit_id`;

/** One activity in the actor's scope for `permission`, or 404; `locked`: an approved report's period. */
export async function getActivityRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<ActivityDbRow & { locked: boolean }> {
  const [row] = await queryRows<ActivityDbRow & { locked: boolean }>(
    db,
    sql`select x.*, exists (select 1 from period_locks p where p.unlocked_at is null
          and x."rollupPath" like p.unit_path || '%' and x.date::date between p.period_from and p.period_to) as locked
        from (${SELECT_ACTIVITY}
          where a.id = ${id} and ${pathInScope(actor, permission, sql`a.rollup_path`)}) x`,
  );
  if (!row) throw notFound();
  return row;
}

/** One activity the actor may read, with what it may do with it now; else 404. */
export async function activityDetail(db: Db, actor: Actor, id: string): Promise<ActivityDetail> {
  return presentActivityDetail(await getActivityRow(db, actor, id, "activity.read"), actor);
}

/** The filter unit of a list (its records in the actor's read scope), or 404. */
export function listUnit(db: Db, actor: Actor, orgUnitId: string | undefined) {
  return orgUnitId
    ? loadUnit(db, actor, orgUnitId, { permission: "activity.read", scope: "rollup" })
    : Promise.resolve(undefined);
}

/** A page of activities in scope, with whether the actor may record one from this list. */
export async function listActivities(db: Db, actor: Actor, q: ListActivitiesQuery): Promise<ActivityPage> {
  const offset = decodeCursor(q.cursor);
  const unit = await listUnit(db, actor, q.orgUnitId);
  const page = pageFrom(await listActivityRows(db, actor, q, offset, unit), offset, q.limit);
  return { ...page, items: page.items.map(presentActivity), can: { create: mayCreateActivity(actor, unit) } };
}

export type ActivityFilter = {
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  topic?: string | undefined;
  channel?: string | undefined;
  bodyKind?: string | undefined;
  tag?: string | undefined;
};

/** The subtree of `unit`: an indexed prefix on rollup_path (plus the old tree for a pre-reform unit). */
export function withinUnit(unit: Pick<ActivityUnitRow, "path" | "rollupPath">): SQL {
  return recordsOfUnit(unit, { rollupPath: sql`a.rollup_path`, orgUnitId: sql`a.org_unit_id` });
}

/** WHERE conditions shared by lists and totals (all on `activities a`). */
export function filterConditions(f: ActivityFilter): SQL[] {
  const where: SQL[] = [];
  if (f.from) where.push(sql`a.date >= ${f.from}::date`);
  if (f.to) where.push(sql`a.date <= ${f.to}::date`);
  if (f.kind) where.push(sql`a.kind = ${f.kind}`);
  if (f.topic) where.push(sql`a.topics @> array[${f.topic}]::text[]`);
  if (f.channel) where.push(sql`a.channels @> array[${f.channel}]::text[]`);
  if (f.tag) where.push(sql`a.tags @> array[${f.tag}]::text[]`);
  if (f.bodyKind) {
    where.push(sql`a.organizer_kinds @> array[${f.bodyKind}]::text[]`);
  }
  return where;
}

/** A page of activities in scope, newest first. Returns `limit + 1` rows for paging. */
export async function listActivityRows(
  db: Db,
  actor: Actor,
  q: ListActivitiesQuery,
  offset: number,
  unit: ActivityUnitRow | undefined,
): Promise<ActivityDbRow[]> {
  const where = [pathInScope(actor, "activity.read", sql`a.rollup_path`), ...filterConditions(q)];
  if (unit) where.push(withinUnit(unit));
  return queryRows<ActivityDbRow>(
    db,
    sql`${SELECT_ACTIVITY} where ${sql.join(where, sql` and `)}
        order by a.date desc, a.created_at desc, a.id desc limit ${q.limit + 1} offset ${offset}`,
  );
}
