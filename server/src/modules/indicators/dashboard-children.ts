import type { IndicatorCode } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { rollupsCover, stockRollupsCover } from "../../kernel/rollups";
import { readActivityRollups, ROLLUP_FIGURES, type RollupField } from "../activities";
import {
  coverageGroups,
  readHouseholdRollups,
  safeFamilyGroups,
  type HouseholdRollupRow,
} from "../households";
import { readGroupCategoryRollups } from "../groups";

export const ACTIVITY_FIELD: Partial<Record<IndicatorCode, RollupField>> = {
  "activities.count": "activities",
  "activities.attendees": "attendees",
  "activities.households": "households",
  "activities.students": "students",
  "activities.leaflets": "leaflets",
  "activities.panels": "panels",
  "activities.slogans": "slogans",
  "activities.broadcast_items": "broadcastItems",
  "activities.broadcast_hours": "broadcastHours",
};

export type Values = Record<string, number | null>;
/** Per child id ("" = the unit itself, i.e. its whole subtree). */
export type ByChild = Map<string, Values>;

const childKey = (path: string, column: string) =>
  sql.raw(`split_part(substr(${column}, ${path.length + 1}), '/', 1)`);

/** Activity figures of a unit and of each child over [from, to]: one read (rollups or records). */
export async function activitiesByChild(db: Db, path: string, from: string, to: string): Promise<ByChild> {
  const out: ByChild = new Map();
  const put = (key: string, r: Partial<Record<RollupField, number>>) => {
    const v: Values = out.get(key) ?? {};
    for (const [code, field] of Object.entries(ACTIVITY_FIELD)) {
      // Hours have two decimals: summed in floating point they drift (61.239999999999995).
      v[code] = Math.round(((Number(v[code] ?? 0) || 0) + Number(r[field] ?? 0)) * 100) / 100;
    }
    out.set(key, v);
  };
  if (rollupsCover(path, true)) {
    for (const r of await readActivityRollups(db, { path, from, to, dim: { exact: "" }, children: true })) {
      put(r.child, r);
    }
    return out;
  }
  const sums = ROLLUP_FIGURES.map(([f, c]) =>
    f === "activities" ? `count(*)::float8 as "${f}"` : `coalesce(sum(a.${c}), 0)::float8 as "${f}"`,
  ).join(", ");
  const rows = await queryRows<Record<RollupField, number> & { child: string }>(
    db,
    sql`select ${childKey(path, "a.rollup_path")} as child, ${sql.raw(sums)} from activities a
        where a.rollup_path like ${`${path}%`} and a.date between ${from}::date and ${to}::date group by 1`,
  );
  for (const r of rows) {
    put(r.child, r);
    if (r.child !== "") put("", r);
  }
  return out;
}

/** Groups (by category) and members existing on `at`, per child and for the whole unit: one query. */
export async function groupsByChild(db: Db, path: string, at: string): Promise<ByChild> {
  const out: ByChild = new Map();
  const add = (key: string, r: { groups: number; members: number; teams: number; models: number }) => {
    const v = out.get(key) ?? {
      "groups.count": 0,
      "groups.members": 0,
      "groups.teams": 0,
      "groups.models": 0,
    };
    v["groups.count"]! += r.groups;
    v["groups.members"]! += r.members;
    v["groups.teams"]! += r.teams;
    v["groups.models"]! += r.models;
    out.set(key, v);
  };
  out.set("", { "groups.count": 0, "groups.members": 0, "groups.teams": 0, "groups.models": 0 });
  if (stockRollupsCover(path, true)) {
    for (const r of await readGroupCategoryRollups(db, path, at, true)) {
      if (r.grp !== "") add(r.grp, r);
      add("", r);
    }
    return out;
  }
  const rows = await queryRows<{ child: string; category: string; groups: number; members: number }>(
    db,
    sql`select ${childKey(path, "g.rollup_path")} as child, t.category,
          count(distinct g.id)::int as groups, count(m.id)::int as members
        from groups g join group_types t on t.code = g.type_code
        left join group_members m on m.group_id = g.id and m.joined_on <= ${at}::date
          and (m.left_on is null or m.left_on > ${at}::date)
        where g.rollup_path like ${`${path}%`} and g.founded_on <= ${at}::date
          and (g.dissolved_on is null or g.dissolved_on > ${at}::date)
        group by 1, 2`,
  );
  for (const r of rows) {
    const figures = {
      groups: r.groups,
      members: r.members,
      teams: r.category === "team" ? r.groups : 0,
      models: r.category === "model" ? r.groups : 0,
    };
    if (r.child !== "") add(r.child, figures);
    add("", figures);
  }
  return out;
}

/**
 * The household rollup rows of a unit's children for `year`, read once for both the coverage and the
 * safe-family figures; undefined where the rollups do not answer (each then counts its records).
 */
export function householdRollupsByChild(db: Db, path: string, year: number) {
  if (!stockRollupsCover(path, true)) return undefined;
  const rows = readHouseholdRollups(db, path, year, true);
  rows.catch(() => undefined); // awaited by both readers; not an unhandled rejection meanwhile
  return rows;
}

/** Household coverage for `year`, per child and for the whole unit: one query. */
export async function householdsByChild(
  db: Db,
  path: string,
  year: number,
  rollupRows?: Promise<HouseholdRollupRow[]>,
): Promise<ByChild> {
  const groups = await coverageGroups(db, { rollupPathPrefix: path, year, childrenOfPath: path, rollupRows });
  const out: ByChild = new Map();
  const totals = { households: 0, signed: 0, memberHouseholds: 0, memberSigned: 0 };
  const rate = (s: number, n: number) => (n === 0 ? null : Math.round((s / n) * 10_000) / 10_000);
  for (const [key, f] of groups) {
    totals.households += f.households;
    totals.signed += f.signed;
    totals.memberHouseholds += f.memberHouseholds;
    totals.memberSigned += f.memberSigned;
    if (key !== "") out.set(key, valuesOf(f.households, f.signed, f.rate, f.memberRate));
  }
  out.set(
    "",
    valuesOf(
      totals.households,
      totals.signed,
      rate(totals.signed, totals.households),
      rate(totals.memberSigned, totals.memberHouseholds),
    ),
  );
  return out;
}

/** Safe-family rate for `year`, per child and for the whole unit: one query. */
export async function safeFamiliesByChild(
  db: Db,
  path: string,
  year: number,
  rollupRows?: Promise<HouseholdRollupRow[]>,
): Promise<ByChild> {
  const groups = await safeFamilyGroups(db, {
    rollupPathPrefix: path,
    year,
    childrenOfPath: path,
    rollupRows,
  });
  const out: ByChild = new Map();
  let households = 0;
  let recognised = 0;
  for (const [key, f] of groups) {
    households += f.households;
    recognised += f.recognised;
    if (key !== "") out.set(key, { "households.safe_family_rate": f.rate });
  }
  const rate = households === 0 ? null : Math.round((recognised / households) * 10_000) / 10_000;
  out.set("", { "households.safe_family_rate": rate });
  return out;
}

function valuesOf(
  households: number,
  signed: number,
  rate: number | null,
  memberRate: number | null,
): Values {
  return {
    "households.count": households,
    "households.signed": signed,
    "households.commitment_rate": rate,
    "households.member_commitment_rate": memberRate,
  };
}
