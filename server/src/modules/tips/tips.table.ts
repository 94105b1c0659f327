import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bytea } from "../../kernel/columns";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { consentTexts } from "../privacy/privacy.table";

/**
 * A citizen's crime tip. Nothing here identifies the sender: no address, agent or exact time
 * (`receivedHour` is truncated to the hour, enough for the legal clocks), and no creation
 * timestamp column. Content, contact details and notes are sealed (kernel/envelope.ts) with the
 * tip's id in the associated data. The secret is kept only as an HMAC verifier.
 */
export const tips = pgTable(
  "tips",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull().unique(),
    verifier: bytea("verifier").notNull(),
    category: text("category").notNull(),
    /** The unit whose police receive it: the chosen commune, else the province. */
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    bodyId: uuid("body_id").references(() => bodies.id),
    remote: boolean("remote").notNull().default(false),
    /**
     * How it reached the police (CPC 2015 Art. 144.5, 146): "web" (the public form), or recorded
     * by staff — "oral" (in person), "phone", "letter", "cadre" (passed on by a Front or
     * association cadre).
     */
    channel: text("channel").notNull().default("web"),
    /** The sealed intake record (biên bản tiếp nhận, CPC Art. 146.1) of a tip recorded by staff. */
    intake: bytea("intake"),
    receivedHour: timestamp("received_hour", { withTimezone: true }).notNull(),
    content: bytea("content").notNull(),
    contact: bytea("contact"),
    /** The consent text version (privacy's consent_texts, purpose tip_contact) the contact was kept under. */
    contactConsentTextId: uuid("contact_consent_text_id").references(() => consentTexts.id),
    /** The Vietnam day the tipster withdrew that consent (the contact was erased at once). */
    contactWithdrawnOn: date("contact_withdrawn_on"),
    status: text("status").notNull().default("new"),
    urgency: text("urgency"),
    duplicateOfId: uuid("duplicate_of_id"),
    extensionLevel: integer("extension_level").notNull().default(0),
    transferredAt: timestamp("transferred_at", { withTimezone: true }),
    receiptNoticeAt: timestamp("receipt_notice_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    outcome: text("outcome"),
    casesSolved: integer("cases_solved").notNull().default(0),
    arrests: integer("arrests").notNull().default(0),
    /** People dealt with (administratively or criminally) thanks to the tip. */
    peopleHandled: integer("people_handled").notNull().default(0),
    outcomeNote: bytea("outcome_note"),
    /**
     * The Code's ground of the outcome: for "no_case" one of CPC Art. 157 (TIP_NO_CASE_GROUNDS),
     * for "suspended" one of Art. 148.1 (TIP_SUSPENSION_GROUNDS); null otherwise.
     */
    outcomeGround: text("outcome_ground"),
    /** The first suspension stops the Art. 147 decision clock (a suspension is one of its decisions). */
    firstSuspendedAt: timestamp("first_suspended_at", { withTimezone: true }),
    /** The latest suspension (CPC Art. 148) and resumption (Art. 149: then at most 1 month more). */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    resumedAt: timestamp("resumed_at", { withTimezone: true }),
    /** A citizen wrote after the police's last message. */
    awaitingReply: boolean("awaiting_reply").notNull().default(false),
    messageCount: integer("message_count").notNull().default(0),
  },
  (t) => [
    index("tips_unit_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`, t.receivedHour),
    index("tips_province_idx").on(t.provinceId),
  ],
);

/** Messages between the police and the tipster, numbered within their tip (no global order). */
export const tipMessages = pgTable(
  "tip_messages",
  {
    tipId: uuid("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    author: text("author").notNull(),
    accountId: uuid("account_id").references(() => accounts.id),
    sentHour: timestamp("sent_hour", { withTimezone: true }).notNull(),
    body: bytea("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tipId, t.n] })],
);

/** Attachments, sealed; images were re-encoded without metadata before sealing. */
export const tipAttachments = pgTable(
  "tip_attachments",
  {
    tipId: uuid("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    mediaType: text("media_type").notNull(),
    bytes: integer("bytes").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tipId, t.n] })],
);

/**
 * Notices the police sent about a decision on a tip: to whom, when and how. A suspension goes to
 * the procuracy and the reporter within 24 hours (CPC Art. 148.2), a resumption within 3 days
 * (Art. 149.2), the outcome to the reporter within 3 days (Joint Circular 01/2017 Art. 14).
 */
export const tipNotices = pgTable(
  "tip_notices",
  {
    id: uuid("id").primaryKey(),
    tipId: uuid("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    /** suspension | resumption | outcome */
    kind: text("kind").notNull(),
    /** procuracy | reporter */
    recipient: text("recipient").notNull(),
    /** in_app | post | in_person | phone | email | dispatch */
    channel: text("channel").notNull(),
    documentNumber: text("document_number"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [index("tip_notices_tip_idx").on(t.tipId, t.kind)],
);
