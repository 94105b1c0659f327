import { sql } from "drizzle-orm";
import { check, date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";

/**
 * Vietnam's non-standard days for State bodies: weekdays off (holidays, added and swapped days) and
 * weekend days worked in exchange ("làm bù"). Labour Code 2019 Art. 112 and the yearly notices of
 * the Government / Ministry of Home Affairs. Seeded by the migration with the shipped 2025–2027
 * table (contracts/src/calendar/holidays.ts); maintained by national system administrators.
 */
export const calendarDays = pgTable(
  "calendar_days",
  {
    date: date("date").primaryKey(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    confidence: text("confidence").notNull(),
    /** The notice it comes from, or how it was projected. */
    source: text("source"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => accounts.id),
  },
  (t) => [
    check("calendar_days_kind_check", sql`${t.kind} in ('day_off', 'working_weekend')`),
    check("calendar_days_confidence_check", sql`${t.confidence} in ('official', 'projected')`),
  ],
);
