import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";
import { sealed } from "../../kernel/columns";

/**
 * A data subject's request (view, correct, restrict, object, delete; Law 91/2025 Art. 4) received
 * by a data-protection officer. Who the person is (`subjectSealed`: the search terms as JSON), what
 * they asked and the answer are sealed with the request's id in the associated data. The clock runs
 * from `receivedAt` to `dueAt` (72 hours, SUBJECT_REQUEST_CLOCKS).
 */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    id: uuid("id").primaryKey(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("received"),
    /** The officer who checked the person's identity and against what (staff, not the subject). */
    identityCheckedBy: text("identity_checked_by").notNull(),
    subjectSealed: sealed("subject_sealed").notNull(),
    detailsSealed: sealed("details_sealed"),
    answerSealed: sealed("answer_sealed"),
    outcome: text("outcome"),
    exceptions: jsonb("exceptions").$type<string[]>().notNull().default([]),
    recordsFound: integer("records_found"),
    /** When the officer carried the request out on the records found (privacy_request_actions). */
    executedAt: timestamp("executed_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => accounts.id),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("privacy_requests_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.dueAt),
  ],
);

/**
 * A personal-data breach: when it was detected, what data and how many people, what was done, and
 * the notice to the Department of Cybersecurity and High-Tech Crime Prevention (A05) due 72 hours
 * after detection (Decree 13/2023 Art. 23; Law 91/2025). Staff contact details only.
 */
export const privacyBreaches = pgTable(
  "privacy_breaches",
  {
    id: uuid("id").primaryKey(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    place: text("place"),
    nature: text("nature").notNull(),
    categories: jsonb("categories").$type<string[]>().notNull(),
    dataDescription: text("data_description").notNull(),
    peopleAffected: integer("people_affected").notNull(),
    consequences: text("consequences"),
    actionsTaken: text("actions_taken").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone"),
    status: text("status").notNull().default("open"),
    noticeDueAt: timestamp("notice_due_at", { withTimezone: true }).notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    noticeReference: text("notice_reference"),
    lateReason: text("late_reason"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("privacy_breaches_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.detectedAt),
  ],
);

/**
 * The words a person agrees to for one purpose (one consent per purpose, Decree 13/2023 Art. 11),
 * versioned: a change is a new version, never an edit, so a consent given names the exact text.
 */
export const consentTexts = pgTable(
  "consent_texts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose").notNull(),
    version: integer("version").notNull(),
    textVi: text("text_vi").notNull(),
    withdrawalConsequenceVi: text("withdrawal_consequence_vi").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("consent_texts_purpose_version_uq").on(t.purpose, t.version)],
);

/**
 * What carrying out a request did with each record found (issue 19): the action asked, its outcome
 * (done, kept on a legal ground, none left) and, where the record stays, the ground and the reason
 * given to the person. One row per record and request; the module's own write is audited with it.
 */
export const privacyRequestActions = pgTable(
  "privacy_request_actions",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => privacyRequests.id),
    module: text("module").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    orgUnitName: text("org_unit_name"),
    labelVi: text("label_vi").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    exception: text("exception"),
    reasonVi: text("reason_vi"),
    actedAt: timestamp("acted_at", { withTimezone: true }).notNull(),
    actedBy: uuid("acted_by").references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.module, t.entityId] })],
);
