import {
  FESTIVAL_LEVELS,
  type Festival,
  type FestivalFigures,
  type FestivalLevel,
  type FestivalList,
  type FestivalOverview,
  type ListFestivalsQuery,
  type Permission,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { isInScope, pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { loadUnit, recordsOfUnit } from "../org-units";
import { memberOrgLimit } from "./activities.policy";
import type { OrganizerJson } from "./activities.queries";

export type FestivalDbRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  unitPath: string;
  rollupPath: string;
  year: number;
  level: string;
  showcase: boolean;
  planDate: string | null;
  heldOn: string | null;
  venues: string[];
  organizerBodyIds: string[];
  organizers: OrganizerJson[] | null;
  ceremonyContent: string | null;
  festivalContent: string | null;
  attendees: number;
  gifts: number;
  giftValue: number | string;
  awards: number;
  activityId: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  /** An approved report locks the period of its held day. */
  locked: boolean;
};

const SELECT_FESTIVAL = sql`select f.id, f.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    u.path as "unitPath", f.rollup_path as "rollupPath", f.year, f.level, f.showcase, f.plan_date::text as "planDate",
    f.held_on::text as "heldOn", f.venues, f.organizer_body_ids as "organizerBodyIds",
    (select json_agg(json_build_object('id', b.id, 'kind', b.kind, 'name', b.name) order by b.name)
       from bodies b where b.id = any(f.organizer_body_ids)) as organizers,
    f.ceremony_content as "ceremonyContent", f.festival_content as "festivalContent",
    f.attendees, f.gifts, f.gift_value as "giftValue", f.awards, f.activity_id as "activityId",
    f.created_at as "createdAt", f.updated_at as "updatedAt",
    exists (select 1 from period_locks p where p.unlocked_at is null
      and f.rollup_path like p.unit_path || '%' and f.held_on between p.period_from and p.period_to) as locked
  from festivals f join org_units u on u.id = f.org_unit_id`;

/**
 * The actor may edit a festival: the permission over its unit, its organisers allow a member org,
 * and no approved report locks the day it was held (the database refuses that write: 0041).
 */
export function mayEditFestival(
  actor: Actor,
  r: Pick<FestivalDbRow, "rollupPath" | "organizers"> & { locked?: boolean },
): boolean {
  if (r.locked) return false;
  if (!isInScope(actor, "activity.update", r.rollupPath)) return false;
  const limit = memberOrgLimit(actor, "activity.update", r.rollupPath);
  return !limit || (r.organizers ?? []).some((o) => limit.has(o.kind as never));
}

export function presentFestival(r: FestivalDbRow, actor: Actor): Festival {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    year: Number(r.year),
    level: r.level as FestivalLevel,
    showcase: r.showcase,
    planDate: r.planDate,
    heldOn: r.heldOn,
    venues: r.venues,
    organizers: (r.organizers ?? []).map((o) => ({ id: o.id, kind: o.kind as never, name: o.name })),
    ceremonyContent: r.ceremonyContent,
    festivalContent: r.festivalContent,
    attendees: r.attendees,
    gifts: r.gifts,
    giftValue: Number(r.giftValue),
    awards: r.awards,
    activityId: r.activityId,
    can: { edit: mayEditFestival(actor, r) },
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** One festival in the actor's scope for `permission`, or 404. */
export async function getFestivalRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<FestivalDbRow> {
  const [row] = await queryRows<FestivalDbRow>(
    db,
    sql`${SELECT_FESTIVAL} where f.id = ${id} and ${pathInScope(actor, permission, sql`f.rollup_path`)}`,
  );
  if (!row) throw notFound();
  return row;
}

export async function festivalDetail(db: Db, actor: Actor, id: string): Promise<Festival> {
  return presentFestival(await getFestivalRow(db, actor, id, "activity.read"), actor);
}

/** Festivals `f` of a unit's subtree (a pre-reform unit: those held in its old subtree). */
const festivalsOf = (unit: { path: string; rollupPath: string }) =>
  recordsOfUnit(unit, { rollupPath: sql`f.rollup_path`, orgUnitId: sql`f.org_unit_id` });

/** A year's festivals in a unit's subtree (the actor's read scope), by unit name. */
export async function listFestivals(db: Db, actor: Actor, q: ListFestivalsQuery): Promise<FestivalList> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" });
  const rows = await queryRows<FestivalDbRow>(
    db,
    sql`${SELECT_FESTIVAL}
        where f.year = ${q.year} and ${festivalsOf(unit)}
          and ${pathInScope(actor, "activity.read", sql`f.rollup_path`)}
        order by f.rollup_path, u.full_name, f.id`,
  );
  return {
    items: rows.map((r) => presentFestival(r, actor)),
    can: { create: isInScope(actor, "activity.create", unit.rollupPath) },
  };
}

type FigureRow = {
  level: string;
  planned: number;
  held: number;
  attendees: number;
  gifts: number;
  giftValue: number | string;
  awards: number;
};

const FIGURES = sql`count(*)::int as planned, count(f.held_on)::int as held,
  coalesce(sum(f.attendees) filter (where f.held_on is not null), 0)::int as attendees,
  coalesce(sum(f.gifts) filter (where f.held_on is not null), 0)::int as gifts,
  coalesce(sum(f.gift_value) filter (where f.held_on is not null), 0)::float8 as "giftValue",
  coalesce(sum(f.awards) filter (where f.held_on is not null), 0)::int as awards`;

const figuresOf = (r: Omit<FigureRow, "level"> | undefined): FestivalFigures => ({
  planned: r?.planned ?? 0,
  held: r?.held ?? 0,
  attendees: r?.attendees ?? 0,
  gifts: r?.gifts ?? 0,
  giftValue: Number(r?.giftValue ?? 0),
  awards: r?.awards ?? 0,
});

/**
 * A year's festivals in the subtree of a rollup path, per level: planned (every record of the
 * year), held (a held day recorded) and the held ones' attendance, gifts and commendations.
 */
export async function festivalFigures(
  db: Db,
  s: { rollupPathPrefix: string; year: number; unitPath?: string | undefined },
): Promise<FestivalOverview> {
  const rows = await queryRows<FigureRow>(
    db,
    sql`select f.level, ${FIGURES} from festivals f
        where f.year = ${s.year} and ${festivalsOf({ path: s.unitPath ?? s.rollupPathPrefix, rollupPath: s.rollupPathPrefix })}
        group by f.level`,
  );
  const byLevel = FESTIVAL_LEVELS.map((level) => ({
    level,
    ...figuresOf(rows.find((r) => r.level === level)),
  }));
  const totals = byLevel.reduce(
    (t, r) => ({
      planned: t.planned + r.planned,
      held: t.held + r.held,
      attendees: t.attendees + r.attendees,
      gifts: t.gifts + r.gifts,
      giftValue: t.giftValue + r.giftValue,
      awards: t.awards + r.awards,
    }),
    figuresOf(undefined),
  );
  return { year: s.year, totals, byLevel };
}

/** The yearly overview of a unit's subtree the actor may read (404 outside its scope). */
export async function festivalOverview(
  db: Db,
  actor: Actor,
  q: ListFestivalsQuery,
): Promise<FestivalOverview> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" });
  return festivalFigures(db, {
    rollupPathPrefix: unit.rollupPath,
    unitPath: unit.path === unit.rollupPath ? undefined : unit.path,
    year: q.year,
  });
}

/**
 * Festivals held in [from, to] in the subtree (indicators): how many, how many at commune level,
 * their attendance and the commendations presented.
 */
export async function heldFestivalFigures(
  db: Db,
  s: { rollupPathPrefix: string; from: string; to: string; unitPath?: string | undefined },
): Promise<{ held: number; heldCommunes: number; attendees: number; awards: number }> {
  const [row] = await queryRows<{ held: number; heldCommunes: number; attendees: number; awards: number }>(
    db,
    sql`select count(*)::int as held, count(*) filter (where f.level = 'commune')::int as "heldCommunes",
          coalesce(sum(f.attendees), 0)::int as attendees, coalesce(sum(f.awards), 0)::int as awards
        from festivals f
        where f.held_on between ${s.from}::date and ${s.to}::date
          and ${festivalsOf({ path: s.unitPath ?? s.rollupPathPrefix, rollupPath: s.rollupPathPrefix })}`,
  );
  return row ?? { held: 0, heldCommunes: 0, attendees: 0, awards: 0 };
}
