import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { sealed } from "../../kernel/columns";
import { provinceOfPath } from "../../kernel/rollups";

/**
 * One file per person under reintegration or education at the commune. Identity, offence and notes
 * are sealed with per-value data keys; `identityIndex` is a keyed HMAC (blind index) of the identity
 * number so a duplicate open file is found without storing the number.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    communeId: uuid("commune_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    fullNameSealed: sealed("full_name_sealed"),
    dateOfBirthSealed: sealed("date_of_birth_sealed"),
    identitySealed: sealed("identity_sealed"),
    identityIndex: text("identity_index").notNull(),
    offenceCategorySealed: sealed("offence_category_sealed"),
    offenceSealed: sealed("offence_sealed"),
    notesSealed: sealed("notes_sealed"),
    releaseOrDecisionDate: date("release_or_decision_date").notNull(),
    reportedInOn: date("reported_in_on").notNull(),
    assignDueOn: date("assign_due_on").notNull(),
    fileDueOn: date("file_due_on").notNull(),
    status: text("status").notNull().default("reported_in"),
    assigneeBodyId: uuid("assignee_body_id").references(() => bodies.id),
    mentorNameSealed: sealed("mentor_name_sealed"),
    decisionNumber: text("decision_number"),
    decidedOn: date("decided_on"),
    fileOpenedOn: date("file_opened_on"),
    latestGroup: text("latest_group"),
    latestQuarter: text("latest_quarter"),
    outcome: text("outcome"),
    closedOn: date("closed_on"),
    closeNotesSealed: sealed("close_notes_sealed"),
    /** Education at the commune (Decree 120/2021): the term in months, its end, the early-end date. */
    measureMonths: integer("measure_months"),
    measureEndsOn: date("measure_ends_on"),
    earlyEndFrom: date("early_end_from"),
    /**
     * Retention (cases.retention.ts): the day the sealed identity, offence and notes were removed.
     * The sealed columns are null only on such a file, which no list or read shows.
     */
    deidentifiedOn: date("deidentified_on"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.reportedInOn),
    check("cases_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
    index("cases_assignee_idx").on(t.assigneeBodyId),
    uniqueIndex("cases_open_identity_uq")
      .on(t.identityIndex)
      .where(sql`${t.status} <> 'closed'`),
  ],
);

export const caseReports = pgTable(
  "case_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    quarter: text("quarter").notNull(),
    reportedOn: date("reported_on").notNull(),
    summarySealed: sealed("summary_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_reports_quarter_uq").on(t.caseId, t.quarter)],
);

export const caseClassifications = pgTable(
  "case_classifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rollupPath: text("rollup_path").notNull(),
    quarter: text("quarter").notNull(),
    group: text("group").notNull(),
    classifiedOn: date("classified_on").notNull(),
    notesSealed: sealed("notes_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [
    uniqueIndex("case_classifications_quarter_uq").on(t.caseId, t.quarter),
    index("case_classifications_rollup_idx").using(
      "btree",
      sql`${t.rollupPath} text_pattern_ops`,
      t.classifiedOn,
    ),
  ],
);

export const caseSupports = pgTable(
  "case_supports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rollupPath: text("rollup_path").notNull(),
    kind: text("kind").notNull(),
    providedOn: date("provided_on").notNull(),
    provider: text("provider").notNull(),
    notesSealed: sealed("notes_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
  },
  (t) => [
    index("case_supports_case_idx").on(t.caseId),
    index("case_supports_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.providedOn),
  ],
);

/** Every read of a case file (and every list or export that shows names): who, why, when. */
export const caseAccessLog = pgTable(
  "case_access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").references(() => cases.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    basis: text("basis").notNull(),
    purpose: text("purpose").notNull(),
    reason: text("reason").notNull(),
    accessedAt: timestamp("accessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_access_log_case_idx").on(t.caseId, t.accessedAt)],
);

/**
 * A move of the file to another commune (Circular 10/2024 Art. 15): the sending commune records
 * it; the file (and access to it) goes to the receiving commune at once, which takes it over within
 * `receive_due_on` after checking the residence by `residence_check_due_on`.
 */
export const caseTransfers = pgTable(
  "case_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    fromOrgUnitId: uuid("from_org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    fromCommuneId: uuid("from_commune_id")
      .notNull()
      .references(() => orgUnits.id),
    fromRollupPath: text("from_rollup_path").notNull(),
    toCommuneId: uuid("to_commune_id")
      .notNull()
      .references(() => orgUnits.id),
    toRollupPath: text("to_rollup_path").notNull(),
    movedOn: date("moved_on").notNull(),
    transferredOn: date("transferred_on").notNull(),
    reasonSealed: sealed("reason_sealed"),
    previousAssigneeBodyId: uuid("previous_assignee_body_id").references(() => bodies.id),
    receiveDueOn: date("receive_due_on").notNull(),
    residenceCheckDueOn: date("residence_check_due_on").notNull(),
    receivedOn: date("received_on"),
    residenceCheckedOn: date("residence_checked_on"),
    receivedBy: uuid("received_by").references(() => accounts.id),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_transfers_case_idx").on(t.caseId, t.transferredOn),
    uniqueIndex("case_transfers_pending_uq")
      .on(t.caseId)
      .where(sql`${t.receivedOn} is null`),
    index("case_transfers_from_idx").using(
      "btree",
      sql`${t.fromRollupPath} text_pattern_ops`,
      t.transferredOn,
    ),
    index("case_transfers_to_idx").using("btree", sql`${t.toRollupPath} text_pattern_ops`, t.transferredOn),
  ],
);

/**
 * Which commune held the file when: [held_from, held_until). Statistics count a file at the commune
 * that held it on the counted date, so a move shifts later counts only, never past ones.
 */
export const caseHoldings = pgTable(
  "case_holdings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    communeId: uuid("commune_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    heldFrom: date("held_from").notNull(),
    heldUntil: date("held_until"),
  },
  (t) => [
    index("case_holdings_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.heldFrom),
    index("case_holdings_case_idx").on(t.caseId),
  ],
);

/**
 * One instance ("lượt") of a person with a social evil or a drug user received for help and
 * education: a person may be received several times. Kept at the path of its time, like supports.
 */
export const caseHelpInstances = pgTable(
  "case_help_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rollupPath: text("rollup_path").notNull(),
    receivedOn: date("received_on").notNull(),
    kind: text("kind").notNull(),
    helper: text("helper").notNull(),
    outcome: text("outcome").notNull().default("ongoing"),
    outcomeOn: date("outcome_on"),
    notesSealed: sealed("notes_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_help_instances_case_idx").on(t.caseId, t.receivedOn),
    index("case_help_instances_rollup_idx").using(
      "btree",
      sql`${t.rollupPath} text_pattern_ops`,
      t.receivedOn,
    ),
    uniqueIndex("case_help_instances_ongoing_uq")
      .on(t.caseId)
      .where(sql`${t.outcome} = 'ongoing'`),
  ],
);

/** A drug user's referral to voluntary or compulsory rehabilitation, and what came of it. */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rollupPath: text("rollup_path").notNull(),
    referredOn: date("referred_on").notNull(),
    mode: text("mode").notNull(),
    facility: text("facility").notNull(),
    decisionNumber: text("decision_number"),
    outcome: text("outcome").notNull().default("pending"),
    outcomeOn: date("outcome_on"),
    notesSealed: sealed("notes_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_referrals_case_idx").on(t.caseId, t.referredOn),
    index("case_referrals_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.referredOn),
  ],
);

/** A session of education before the residential community: who presided, where, the commitments. */
export const caseCommunitySessions = pgTable(
  "case_community_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rollupPath: text("rollup_path").notNull(),
    heldOn: date("held_on").notNull(),
    presidedBy: text("presided_by").notNull(),
    venue: text("venue").notNull(),
    attendees: integer("attendees"),
    commitmentsSealed: sealed("commitments_sealed"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_community_sessions_case_idx").on(t.caseId, t.heldOn),
    index("case_community_sessions_rollup_idx").using(
      "btree",
      sql`${t.rollupPath} text_pattern_ops`,
      t.heldOn,
    ),
  ],
);
