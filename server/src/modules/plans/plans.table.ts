import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";

/** A joint plan or programme (kế hoạch, chương trình phối hợp) with its scope unit and period. */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    issuedOn: date("issued_on").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    periodFrom: integer("period_from").notNull(),
    periodTo: integer("period_to").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plans_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`)],
);

export const planIssuers = pgTable(
  "plan_issuers",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.bodyId] })],
);

export const planTasks = pgTable(
  "plan_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    bodyKinds: text("body_kinds")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index("plan_tasks_plan_idx").on(t.planId, t.ordinal)],
);

export const planMilestones = pgTable(
  "plan_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("plan_milestones_plan_idx").on(t.planId, t.year)],
);

export const planTargets = pgTable(
  "plan_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    indicator: text("indicator").notNull(),
    comparator: text("comparator").notNull(),
    value: numeric("value", { precision: 18, scale: 4, mode: "number" }).notNull(),
    year: integer("year").notNull(),
    bodyKind: text("body_kind"),
    orgUnitId: uuid("org_unit_id").references(() => orgUnits.id),
    label: text("label"),
  },
  (t) => [index("plan_targets_plan_idx").on(t.planId, t.ordinal)],
);
