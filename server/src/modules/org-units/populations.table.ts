import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "./org-units.table";

/**
 * A commune's population as recorded by its own cadres or by its province: the number, the day it
 * counts people on, and where it comes from ("Niên giám thống kê 2024", the commune's own count).
 * Every recording is a new row, none is edited or removed: the figure of a day is the row with the
 * latest `as_of` on or before it (ties: the latest recorded). Rates per 10,000 people use it.
 */
export const unitPopulations = pgTable(
  "unit_populations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    population: integer("population").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    /** The account that recorded it (also in the audit event; accounts sit above this module). */
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("unit_populations_unit_idx").on(t.orgUnitId, t.asOf, t.recordedAt),
    check("unit_populations_positive", sql`${t.population} > 0`),
  ],
);
