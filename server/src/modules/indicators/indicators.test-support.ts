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
