import { sql } from "drizzle-orm";
import { boolean, check, date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";
import { consentTexts } from "../privacy/privacy.table";
import { provinceOfPath } from "../../kernel/rollups";

/**
 * A nomination of a person or a collective, its decision, and the consent to publish it in the
 * public register of good people and good deeds. Nothing is public without `consentGiven`.
 */
export const commendations = pgTable(
  "commendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    unitKind: text("unit_kind").notNull(),
    nomineeKind: text("nominee_kind").notNull(),
    nomineeName: text("nominee_name").notNull(),
    achievements: text("achievements").notNull(),
    evidence: jsonb("evidence").$type<{ kind: string; id: string }[]>().notNull().default([]),
    nominatedOn: date("nominated_on").notNull(),
    status: text("status").notNull().default("nominated"),
    awardForm: text("award_form"),
    decisionNumber: text("decision_number"),
    decidedOn: date("decided_on"),
    issuer: text("issuer"),
    consentGiven: boolean("consent_given"),
    consentOn: date("consent_on"),
    consentMethod: text("consent_method"),
    consentRecordedBy: uuid("consent_recorded_by").references(() => accounts.id),
    /** The consent text version (privacy's consent_texts) the person agreed to or withdrew from. */
    consentTextId: uuid("consent_text_id").references(() => consentTexts.id),
    publicName: text("public_name"),
    deedSummary: text("deed_summary"),
    published: boolean("published").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("commendations_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.status),
    check("commendations_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
    index("commendations_published_idx")
      .on(t.publishedAt)
      .where(sql`${t.published} and ${t.consentGiven}`),
  ],
);

export const commendationEndorsements = pgTable("commendation_endorsements", {
  id: uuid("id").primaryKey().defaultRandom(),
  commendationId: uuid("commendation_id")
    .notNull()
    .references(() => commendations.id),
  level: text("level").notNull(),
  approve: boolean("approve").notNull(),
  endorsedOn: date("endorsed_on").notNull(),
  opinion: text("opinion"),
  byUnitId: uuid("by_unit_id")
    .notNull()
    .references(() => orgUnits.id),
  recordedBy: uuid("recorded_by").references(() => accounts.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});
