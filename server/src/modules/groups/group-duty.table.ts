import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";
import { groupMembers, groups } from "./groups.table";
import { provinceOfPath } from "../../kernel/rollups";

/**
 * A grassroots team's duty or patrol log ("sổ trực, tuần tra"): one entry per shift day with the
 * members on duty and the incidents noted. It carries the team's unit, province and rollup path so
 * it is scoped like the team and the period-lock guard (migration) refuses a write in a locked period.
 */
export const groupDutyLogs = pgTable(
  "group_duty_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    date: date("date").notNull(),
    incidents: integer("incidents").notNull().default(0),
    /** What happened, in a few words. */
    incidentNote: text("incident_note"),
    notes: text("notes"),
    /** Row version for offline edits (If-Match): 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("group_duty_logs_group_date_idx").on(t.groupId, t.date),
    index("group_duty_logs_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.date),
    check("group_duty_logs_incidents_ck", sql`${t.incidents} >= 0`),
    check("group_duty_logs_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
  ],
);

/** The roster members on duty in a log entry. */
export const groupDutyLogMembers = pgTable(
  "group_duty_log_members",
  {
    logId: uuid("log_id")
      .notNull()
      .references(() => groupDutyLogs.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => groupMembers.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.logId, t.memberId] }),
    index("group_duty_log_members_member_idx").on(t.memberId),
  ],
);
