import { boolean, date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";

/**
 * One retention rule per kind of record (retention.rules.ts holds the kinds, their default periods
 * and legal basis; a missing row is inserted from those defaults). The officer may change the
 * period and switch a rule off; `lastRunOn` is the Vietnam day of the last real run (the daily job
 * runs once a day).
 */
export const retentionRules = pgTable("retention_rules", {
  kind: text("kind").primaryKey(),
  /** Months after the record's end event (left the team, moved out, dialogue closed…). */
  periodMonths: integer("period_months").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  lastRunOn: date("last_run_on"),
  updatedBy: uuid("updated_by").references(() => accounts.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
