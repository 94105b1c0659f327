import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";

/** A review report of a unit for a period: official header fields, narrative, figures snapshot, workflow. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    template: text("template").notNull(),
    year: integer("year").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    /** "Số liệu tính đến ngày …": figures are counted up to here; approval locks [periodFrom, cutOff]. */
    cutOff: date("cut_off").notNull(),
    issuingBody: text("issuing_body").notNull(),
    parentBody: text("parent_body"),
    /** The document number, a sequence per unit, issuing body and year of issue (unique there). */
    number: text("number"),
    symbol: text("symbol").notNull(),
    place: text("place").notNull(),
    issuedOn: date("issued_on").notNull(),
    subject: text("subject").notNull(),
    sections: jsonb("sections").notNull(),
    figures: jsonb("figures").notNull(),
    recipients: text("recipients").array().notNull(),
    signerTitle: text("signer_title").notNull(),
    signerName: text("signer_name").notNull(),
    /**
     * The annex compiled from the direct children's approved reports (compileReportFromChildren):
     * frozen at compile time with each child report's id and approval time; null until compiled.
     */
    compiled: jsonb("compiled"),
    /** The indicator whose map of the unit's children the DOCX and PDF print (a registry code), or null. */
    mapIndicator: text("map_indicator"),
    /** draft → submitted → returned | approved; returned → submitted. */
    status: text("status").notNull().default("draft"),
    comments: jsonb("comments")
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reports_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    uniqueIndex("reports_number_unique").on(
      t.orgUnitId,
      t.issuingBody,
      sql`(extract(year from ${t.issuedOn}))`,
      t.number,
    ),
  ],
);

/** Records of a subtree in a period locked by an approved report, until the level above unlocks. */
export const periodLocks = pgTable(
  "period_locks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** The locked subtree: records whose rollup path starts with this. */
    unitPath: text("unit_path").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    reportId: uuid("report_id").references(() => reports.id),
    lockedBy: uuid("locked_by").references(() => accounts.id),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().defaultNow(),
    unlockedBy: uuid("unlocked_by").references(() => accounts.id),
    unlockedAt: timestamp("unlocked_at", { withTimezone: true }),
    unlockReason: text("unlock_reason"),
  },
  (t) => [
    index("period_locks_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`),
    // A unit path ('/…/', no LIKE wildcard): the period lock guards look locks up by the record
    // path's prefixes ending in '/' (migration 0060).
    check(
      "period_locks_unit_path_ck",
      sql`${t.unitPath} like '%/' and strpos(${t.unitPath}, '%') = 0 and strpos(${t.unitPath}, '_') = 0
        and strpos(${t.unitPath}, '\\') = 0`,
    ),
  ],
);
