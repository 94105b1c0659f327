import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { provinceOfPath } from "../../kernel/rollups";

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
    /** `plan` (kế hoạch) or `coordination_programme` (chương trình phối hợp of two signing bodies). */
    kind: text("kind").notNull().default("plan"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plans_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    check("plans_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
  ],
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

/**
 * The register of source documents plans implement: Party directives, programmes and resolutions,
 * projects (đề án) and higher plans. Registered at a unit; read by that unit's subtree and the
 * units above it. A source may itself implement another (20-CTr/TU implements 09-CT/TW).
 */
export const planSources = pgTable(
  "plan_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    issuer: text("issuer").notNull(),
    title: text("title").notNull(),
    level: text("level").notNull(),
    implementsId: uuid("implements_id").references((): AnyPgColumn => planSources.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_sources_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    uniqueIndex("plan_sources_unit_number_uq").on(t.orgUnitId, t.number, t.issuedOn),
  ],
);

/** Which source documents a plan implements (many-to-many). */
export const planSourceLinks = pgTable(
  "plan_source_links",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => planSources.id),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.sourceId] }),
    index("plan_source_links_source_idx").on(t.sourceId),
  ],
);

/**
 * A review of a plan (yearly for a coordination programme; sơ kết 5 năm / tổng kết 10 năm against
 * its source): findings and the plan's target figures computed from the records on that date.
 */
export const planReviews = pgTable(
  "plan_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    reviewedOn: date("reviewed_on").notNull(),
    sourceId: uuid("source_id").references(() => planSources.id),
    findings: text("findings").notNull(),
    figures: jsonb("figures").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plan_reviews_plan_kind_year_uq").on(t.planId, t.kind, t.year)],
);
