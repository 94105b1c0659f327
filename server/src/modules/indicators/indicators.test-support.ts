// Independent recounts straight from the records (no rollups) for the indicator tests.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** The activity figures the tests compare: `where` is over activities a / org_units u. */
export async function recountActivities(db: Db, where: SQL) {
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as "activities.count", coalesce(sum(a.attendees),0)::int as "activities.attendees",
          coalesce(sum(a.students),0)::int as "activities.students",
          coalesce(sum(a.leaflets),0)::int as "activities.leaflets",
          coalesce(sum(a.broadcast_hours),0)::float8 as "activities.broadcast_hours"
        from activities a join org_units u on u.id = a.org_unit_id where ${where}`,
  );
  return r!;
}

export const prefix = (p: string) => sql`a.rollup_path like ${`${p}%`}`;
export const period = (from: string, to: string) => sql`a.date between ${from}::date and ${to}::date`;
export const unitPathOf = async (db: Db, id: string) =>
  (await queryRows<{ path: string }>(db, sql`select path from org_units where id = ${id}`))[0]!.path;

/** Rows of `rollups` (monthly: unit_path, dim, month, figures) that differ from a recount of the records. */
export async function monthRollupDrift(db: Db, rollups: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with expected as (
          select p.unit_path, d.dim, date_trunc('month', a.date)::date as month, count(*)::int as activities,
            sum(a.attendees)::int as attendees, sum(a.broadcast_hours) as hours
          from activities a
          cross join lateral activity_rollups_ancestors(a.rollup_path) p
          cross join lateral activity_rollups_dims(a.kind, a.organizer_kinds, a.topics) d(dim)
          group by 1, 2, 3)
        select count(*)::int as n from expected e
        full join (${rollups}) r
          on r.unit_path = e.unit_path and r.dim = e.dim and r.month = e.month
        where e.activities is distinct from r.activities or e.attendees is distinct from r.attendees
           or e.hours is distinct from r.broadcast_hours`,
  );
  return row!.n;
}

const YEAR_FIGURES = ["activities", "attendees", "households", "students", "leaflets", "panels"]
  .concat(["slogans", "broadcast_items", "broadcast_hours"])
  .map((f) => sql.raw(f));

/** What readers of the yearly rollups see: the table plus the pending changes, per unit and year. */
export const YEAR_ROLLUPS_LIVE = sql`select unit_path, min(depth) as depth, year, ${sql.join(
  YEAR_FIGURES.map((f) => sql`sum(${f}) as ${f}`),
  sql`, `,
)} from activity_year_rollups_live group by 1, 3`;

/**
 * (unit, year) pairs where `rollups` (yearly: unit_path, depth, year, every figure) differ from a
 * recount of the records; a missing row counts as zeros.
 */
export async function yearRollupDrift(db: Db, rollups: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with expected as (
          select p.unit_path, p.depth, extract(year from a.date)::int as year, count(*)::int as activities,
            ${sql.join(
              YEAR_FIGURES.slice(1).map((f) => sql`sum(a.${f}) as ${f}`),
              sql`, `,
            )}
          from activities a cross join lateral activity_rollups_ancestors(a.rollup_path) p
          group by 1, 2, 3)
        select count(*)::int as n from expected e
        full join (${rollups}) r on r.unit_path = e.unit_path and r.year = e.year
        where coalesce(e.depth, r.depth) <> coalesce(r.depth, e.depth)
           or ${sql.join(
             YEAR_FIGURES.map((f) => sql`coalesce(e.${f}, 0) <> coalesce(r.${f}, 0)`),
             sql` or `,
           )}`,
  );
  return row!.n;
}
