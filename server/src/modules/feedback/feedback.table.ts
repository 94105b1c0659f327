import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { consentTexts } from "../privacy/privacy.table";
import { bytea } from "../../kernel/columns";

/** Feedback and petitions (kiến nghị, phản ánh); content and identity sealed like tips. */
export const feedbackItems = pgTable(
  "feedback_items",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull().unique(),
    verifier: bytea("verifier").notNull(),
    kind: text("kind").notNull(),
    topic: text("topic").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    bodyKind: text("body_kind").notNull(),
    bodyId: uuid("body_id").references(() => bodies.id),
    receivedOn: date("received_on").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("received"),
    title: bytea("title").notNull(),
    content: bytea("content").notNull(),
    identity: bytea("identity"),
    /** The consent text version (privacy's consent_texts, purpose feedback_contact) the identity was kept under. */
    identityConsentTextId: uuid("identity_consent_text_id").references(() => consentTexts.id),
    /** The Vietnam day the sender withdrew that consent (the identity was erased at once). */
    identityWithdrawnOn: date("identity_withdrawn_on"),
    answer: bytea("answer"),
    answeredOn: date("answered_on"),
    answeredBy: uuid("answered_by").references(() => accounts.id),
    /** Law on Citizen Reception 2013 Art. 28: told within 10 working days of receipt (stored at receipt). */
    acceptanceDueOn: date("acceptance_due_on"),
    /** The notice given to the sender: accepted / not_accepted (null: not yet given). */
    acceptance: text("acceptance"),
    /** Why it was not accepted (not within competence, not eligible…); the officer's words. */
    acceptanceReason: text("acceptance_reason"),
    acceptanceNoticedOn: date("acceptance_noticed_on"),
    /** direct | in_writing | electronic */
    acceptanceChannel: text("acceptance_channel"),
    acceptanceBy: uuid("acceptance_by").references(() => accounts.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [
    index("feedback_unit_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`, t.receivedOn),
    index("feedback_province_idx").on(t.provinceId),
  ],
);
