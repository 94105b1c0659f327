import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { plans } from "../plans/plans.table";
import { provinceOfPath } from "../../kernel/rollups";

/** A Front supervision (giám sát): its plan, the delegation, the period and, once closed, its result. */
export const supervisions = pgTable(
  "supervisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    title: text("title").notNull(),
    subjectKind: text("subject_kind").notNull(),
    subjectBodyId: uuid("subject_body_id").references(() => bodies.id),
    subjectPlanId: uuid("subject_plan_id").references(() => plans.id),
    content: text("content").notNull(),
    form: text("form").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    members: jsonb("members").$type<{ name: string; position: string }[]>().notNull().default([]),
    status: text("status").notNull().default("planned"),
    result: text("result"),
    summary: text("summary"),
    unansweredNote: text("unanswered_note"),
    closedOn: date("closed_on"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("supervisions_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.periodFrom),
    check("supervisions_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
  ],
);

/** What the supervision found (kết quả giám sát), dated. */
export const supervisionFindings = pgTable(
  "supervision_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    supervisionId: uuid("supervision_id")
      .notNull()
      .references(() => supervisions.id),
    foundOn: date("found_on").notNull(),
    content: text("content").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("supervision_findings_sup_idx").on(t.supervisionId, t.foundOn)],
);

/** A recommendation (kiến nghị) to a body or a named agency, with its due date and the answer. */
export const supervisionRecommendations = pgTable(
  "supervision_recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    supervisionId: uuid("supervision_id")
      .notNull()
      .references(() => supervisions.id),
    addresseeBodyId: uuid("addressee_body_id").references(() => bodies.id),
    addresseeName: text("addressee_name").notNull(),
    content: text("content").notNull(),
    madeOn: date("made_on").notNull(),
    dueOn: date("due_on").notNull(),
    responseContent: text("response_content"),
    responseAction: text("response_action"),
    respondedOn: date("responded_on"),
    respondedBy: uuid("responded_by").references(() => accounts.id),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [
    index("supervision_recs_sup_idx").on(t.supervisionId),
    index("supervision_recs_body_idx").on(t.addresseeBodyId),
  ],
);
