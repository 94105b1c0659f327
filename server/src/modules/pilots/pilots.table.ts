import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { groups, groupTypes } from "../groups/groups.table";
import { orgUnits } from "../org-units/org-units.table";

/**
 * A pilot ("điểm", "mô hình điểm"): a commune or ward, a residential area or a model designated by a
 * decision to build a topic or model type first, before it is evaluated and replicated.
 */
export const pilots = pgTable(
  "pilots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    groupId: uuid("group_id").references(() => groups.id),
    typeCode: text("type_code").references(() => groupTypes.code),
    topic: text("topic").notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionIssuer: text("decision_issuer").notNull(),
    decisionOn: date("decision_on").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pilots_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`)],
);

/** An evaluation of a pilot: when, the result, the findings. */
export const pilotEvaluations = pgTable(
  "pilot_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pilotId: uuid("pilot_id")
      .notNull()
      .references(() => pilots.id),
    evaluatedOn: date("evaluated_on").notNull(),
    result: text("result").notNull(),
    findings: text("findings").notNull(),
    evaluatedBy: uuid("evaluated_by").references(() => accounts.id),
  },
  (t) => [index("pilot_evaluations_pilot_idx").on(t.pilotId, t.evaluatedOn)],
);

/** A unit that took the pilot up ("nhân rộng"), when, and the model built there if registered. */
export const pilotReplications = pgTable(
  "pilot_replications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pilotId: uuid("pilot_id")
      .notNull()
      .references(() => pilots.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    replicatedOn: date("replicated_on").notNull(),
    groupId: uuid("group_id").references(() => groups.id),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [
    uniqueIndex("pilot_replications_unit_uq").on(t.pilotId, t.orgUnitId),
    index("pilot_replications_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
  ],
);
