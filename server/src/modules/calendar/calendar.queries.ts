import type { Holiday } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { managesCalendar } from "./calendar.policy";

type HolidayRow = Omit<Holiday, "updatedAt"> & { updatedAt: Date | string | null };

const present = (r: HolidayRow): Holiday => ({
  ...r,
  updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
});

/** The table's rows, of one year or all, by date. */
export async function holidayRows(db: Db, year?: number): Promise<Holiday[]> {
  const where = year ? sql`where extract(year from date) = ${year}` : sql``;
  const rows = await queryRows<HolidayRow>(
    db,
    sql`select date::text as date, kind, name, confidence, source, updated_at as "updatedAt"
        from calendar_days ${where} order by date`,
  );
  return rows.map(present);
}

export async function findHoliday(db: Db, date: string): Promise<Holiday | null> {
  const [r] = await queryRows<HolidayRow>(
    db,
    sql`select date::text as date, kind, name, confidence, source, updated_at as "updatedAt"
        from calendar_days where date = ${date}::date`,
  );
  return r ? present(r) : null;
}

/** The table for anyone signed in, with whether the caller may change it. */
export async function listHolidays(db: Db, actor: Actor, q: { year?: number | undefined }) {
  return { items: await holidayRows(db, q.year), can: { manage: managesCalendar(actor) } };
}

/** A cheap fingerprint of the table: changes with every upsert and delete. */
export async function calendarVersion(db: Db): Promise<string> {
  const [r] = await queryRows<{ n: number | string; at: string | null }>(
    db,
    sql`select count(*) as n, max(updated_at)::text as at from calendar_days`,
  );
  return `${String(r?.n ?? 0)}|${r?.at ?? ""}`;
}
