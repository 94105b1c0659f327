import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { provinceOfPath } from "../../kernel/rollups";

/** An area designated as key or complicated in security and order, under transformation. */
export const hotspots = pgTable(
  "hotspots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    name: text("name").notNull(),
    designatedOn: date("designated_on").notNull(),
    decisionNumber: text("decision_number"),
    reasons: text("reasons").array().notNull(),
    description: text("description"),
    status: text("status").notNull().default("designated"),
    statusChangedOn: date("status_changed_on").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hotspots_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.status),
    check("hotspots_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
  ],
);

/** The transformation plan: tasks with the body responsible. */
export const hotspotTasks = pgTable("hotspot_tasks", {
  id: uuid("id").primaryKey().defaultRandom(),
  hotspotId: uuid("hotspot_id")
    .notNull()
    .references(() => hotspots.id),
  title: text("title").notNull(),
  responsibleBodyId: uuid("responsible_body_id")
    .notNull()
    .references(() => bodies.id),
  dueOn: date("due_on"),
});

/** Evidence over time: observations and incident counts that justify the status. */
export const hotspotEvidence = pgTable(
  "hotspot_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hotspotId: uuid("hotspot_id")
      .notNull()
      .references(() => hotspots.id),
    observedOn: date("observed_on").notNull(),
    summary: text("summary").notNull(),
    incidents: integer("incidents"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [index("hotspot_evidence_hotspot_idx").on(t.hotspotId, t.observedOn)],
);

export const hotspotStatusHistory = pgTable("hotspot_status_history", {
  id: uuid("id").primaryKey().defaultRandom(),
  hotspotId: uuid("hotspot_id")
    .notNull()
    .references(() => hotspots.id),
  fromStatus: text("from_status"),
  toStatus: text("to_status").notNull(),
  date: date("date").notNull(),
  reason: text("reason").notNull(),
  recordedBy: uuid("recorded_by").references(() => accounts.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});
