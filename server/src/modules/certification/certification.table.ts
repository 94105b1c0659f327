import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";

/**
 * Per unit type (and optionally per province): windows, deadlines and the recognising authority.
 * Configuration, not code — the post-2025 authority for communes is unverified (domain-rules §1f.7).
 * Dates are "MM-DD"; a window start after its end lies in the previous year.
 */
export const certificationRules = pgTable(
  "certification_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitType: text("unit_type").notNull(),
    /** Null: the national default; a province's row overrides it. */
    provinceId: uuid("province_id").references(() => orgUnits.id),
    windowStart: text("window_start").notNull(),
    windowEnd: text("window_end").notNull(),
    registrationDeadline: text("registration_deadline").notNull(),
    decisionDeadline: text("decision_deadline").notNull(),
    recognisingAuthority: text("recognising_authority").notNull(),
    authorityVerified: boolean("authority_verified").notNull(),
    /** Commune rule: share of its units that must be recognised (Art. 5.4: 70%). */
    childRecognisedThreshold: numeric("child_recognised_threshold", { mode: "number" }),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("certification_rules_uq").on(t.unitType, sql`coalesce(${t.provinceId}::text, '')`)],
);

/** The criteria catalogue, versioned (Circular 124/2021 art. 4–7), plus provincial extras. */
export const certificationCriteria = pgTable(
  "certification_criteria",
  {
    code: text("code").notNull(),
    version: text("version").notNull(),
    unitType: text("unit_type").notNull(),
    article: text("article").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en").notNull(),
    /** Which evidence the system computes for it (null: judged by people only). */
    evidenceKey: text("evidence_key"),
    /** Set for a province's extra criterion (Art. 8.1). */
    provinceId: uuid("province_id").references(() => orgUnits.id),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] })],
);

/**
 * Versions of the criteria in force (Circular 124/2021 Art. 8.1): the national version shipped with
 * the code (province null) and each province's versions of its extra criteria and recognising
 * authorities. A version is never edited; a new one takes effect from its date. A cycle keeps the
 * version it was assessed under (`certification_cycles.province_criteria_version_id`).
 */
export const certificationCriteriaVersions = pgTable(
  "certification_criteria_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null: the national version (text of the Circular, as shipped). */
    provinceId: uuid("province_id").references(() => orgUnits.id),
    /** Label shown to people, e.g. "TT124/2021" or "Bổ sung của tỉnh, hiệu lực 01/01/2027". */
    label: text("label").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    /** The province's decision (e.g. "Quyết định 514/QĐ-UBND ngày 26/4/2023") or the Circular. */
    basis: text("basis").notNull(),
    /** Recognising authority per unit type, where the province names one (else the national rule). */
    authorities: jsonb("authorities")
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certification_criteria_versions_uq").on(
      sql`coalesce(${t.provinceId}::text, '')`,
      t.effectiveFrom,
    ),
  ],
);

/** One unit's certification for one year, moved along CERTIFICATION_TRANSITIONS. */
export const certificationCycles = pgTable(
  "certification_cycles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    /** The unit's path when registered: scope filters and rollups. */
    unitPath: text("unit_path").notNull(),
    unitType: text("unit_type").notNull(),
    year: integer("year").notNull(),
    status: text("status").notNull(),
    criteriaVersion: text("criteria_version").notNull(),
    /** The province's criteria version the cycle was assessed under (pinned at self-assessment). */
    provinceCriteriaVersionId: uuid("province_criteria_version_id"),
    windowFrom: date("window_from").notNull(),
    windowTo: date("window_to").notNull(),
    decisionDeadline: date("decision_deadline").notNull(),
    recognisingAuthority: text("recognising_authority").notNull(),
    authorityVerified: boolean("authority_verified").notNull(),
    registeredOn: date("registered_on").notNull(),
    partyResolution: boolean("party_resolution").notNull(),
    planAdopted: boolean("plan_adopted").notNull().default(false),
    householdsRegistered: integer("households_registered"),
    notes: text("notes"),
    /** SubmitSelfAssessment: answers per criterion and the crime figures entered by the unit. */
    selfAssessment: jsonb("self_assessment"),
    reviewMeeting: jsonb("review_meeting"),
    appraisal: jsonb("appraisal"),
    decision: jsonb("decision"),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    /** Random, ≥ 80 bits, Crockford base32; only for a recognised unit. */
    certificateCode: text("certificate_code"),
    classification: jsonb("classification"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certification_cycles_unit_year_uq").on(t.orgUnitId, t.year),
    uniqueIndex("certification_cycles_code_uq").on(t.certificateCode),
    index("certification_cycles_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`),
    index("certification_cycles_year_idx").on(t.year, t.unitType, t.status),
  ],
);

/** Signed scans of the recognition dossier (submission, results report, minutes). */
export const certificationDocuments = pgTable(
  "certification_documents",
  {
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => certificationCycles.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    filePath: text("file_path").notNull(),
    mimeType: text("mime_type").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => accounts.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.kind] })],
);

/** The register of disqualifying events (Art. 4.3, 4.4, 6.3, 7.4). */
export const disqualifyingEvents = pgTable(
  "disqualifying_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on").notNull(),
    severity: text("severity").notNull(),
    /** For a disciplinary kind: the form of discipline (DISCIPLINE_LEVELS in contracts). */
    disciplineLevel: text("discipline_level"),
    forceMajeure: boolean("force_majeure").notNull(),
    reportedPromptly: boolean("reported_promptly").notNull(),
    description: text("description").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("disqualifying_events_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`),
    index("disqualifying_events_unit_idx").on(t.orgUnitId, t.occurredOn),
  ],
);

/** Scoring sheets of the movement classification (Decision 510/QĐ-BCA-V05): data, not code. */
export const movementScoringSheets = pgTable("movement_scoring_sheets", {
  code: text("code").primaryKey(),
  version: text("version").notNull(),
  nameVi: text("name_vi").notNull(),
  source: text("source").notNull(),
  verified: boolean("verified").notNull(),
  criteria: jsonb("criteria").notNull(),
  thresholds: jsonb("thresholds").notNull(),
});

/**
 * Certification counts per (unit, kind, year), kept by triggers on `org_units` and
 * `certification_cycles` (migration `certification_rollups`): year 0 holds `units`, the current
 * units of that kind under the unit (itself included); year Y holds the cycles of year Y of those
 * units and how many were recognised. A rate is recognised ÷ units — the rule of
 * `certificationRate`. Province and commune rows only.
 */
export const certificationRollups = pgTable(
  "certification_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    units: integer("units").notNull().default(0),
    cycles: integer("cycles").notNull().default(0),
    recognised: integer("recognised").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.kind, t.year] }),
    index("certification_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.year,
    ),
  ],
);

/**
 * Results of past years (2013–2025) at the units of their time, mostly the communes before the
 * 2025 reform: certified or not (Circular 23/2012/TT-BCA, then Circular 124/2021/TT-BCA art. 8.1),
 * with the decision when known. One per unit and year. `rollupPath` is the unit's own rollup path
 * (for a pre-reform unit, the current unit its records count in), so the yearly rates of a current
 * ward or province are one prefix match (plus the lineage for a unit split between wards).
 */
export const certificationHistory = pgTable(
  "certification_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    rollupPath: text("rollup_path").notNull(),
    unitType: text("unit_type").notNull(),
    year: integer("year").notNull(),
    certified: boolean("certified").notNull(),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    decisionAuthority: text("decision_authority"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certification_history_unit_year_uq").on(t.orgUnitId, t.year),
    index("certification_history_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.year),
  ],
);
