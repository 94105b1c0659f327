import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";

/**
 * Communes in remote mountain or island areas with difficult travel: urgent tips get 48 hours
 * instead of 24 (Joint Circular 01/2017 Art. 8.5). Each row carries the decision that classifies
 * the commune (e.g. a Prime Minister's or Committee for Ethnic Minority Affairs decision).
 */
export const remoteCommunes = pgTable("remote_communes", {
  orgUnitId: uuid("org_unit_id")
    .primaryKey()
    .references(() => orgUnits.id),
  note: text("note"),
  /** Number and symbol of the classifying decision ("861/QĐ-TTg"). */
  basisNumber: text("basis_number").notNull(),
  /** Its date of issue (Vietnam date). */
  basisDate: date("basis_date", { mode: "string" }).notNull(),
  /** Issuer and title, free text ("Quyết định của Thủ tướng Chính phủ phê duyệt danh sách xã khu vực III"). */
  basisText: text("basis_text").notNull(),
  setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The blind index of citizens' contact details left on tips and feedback (issue 19): one row per
 * normalised value — phone (digits, 0 for +84), e-mail (lower case), folded name, name with birth
 * year, identity number — as a keyed HMAC (contact-index.ts, key file contact-index.key). A data
 * subject's request finds the person's records by equality on `term`, without opening any contact.
 * `source` is the owning module's record kind ("tip", "feedback"); rows go with the contact.
 */
export const citizenContactIndex = pgTable(
  "citizen_contact_index",
  {
    source: text("source").notNull(),
    recordId: uuid("record_id").notNull(),
    kind: text("kind").notNull(),
    term: text("term").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.recordId, t.kind] }),
    index("citizen_contact_index_term_idx").on(t.term, t.source),
  ],
);

/**
 * Records whose processing is restricted at a data subject's request (Law 91/2025, the right to
 * restrict; decision 0017): one row per record, keyed by the owning module's record kind (`source`:
 * "household", "group_member", "tip", "feedback") and id. A restricted record is left out of its
 * module's ordinary lists, exports and displays (a tip's or feedback's contact is shown as
 * restricted), never out of counts or rollups. `request_id` is the privacy request that asked for it
 * (the foreign key to privacy_requests is written by hand in the migration: privacy sits above this
 * module); lifting deletes the row, audited with its reason.
 */
export const citizenRestrictions = pgTable(
  "citizen_restrictions",
  {
    source: text("source").notNull(),
    recordId: uuid("record_id").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** The record's unit path, for the officer's scope. */
    rollupPath: text("rollup_path").notNull(),
    requestId: uuid("request_id").notNull(),
    restrictedAt: timestamp("restricted_at", { withTimezone: true }).notNull().defaultNow(),
    restrictedBy: uuid("restricted_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.recordId] }),
    index("citizen_restrictions_request_idx").on(t.requestId),
  ],
);

/**
 * One-off upgrades of the citizen channels' data, marked done once they have run to the end (the
 * contact-index backfill of rows written before the index): start-up checks the mark, not the rows.
 */
export const citizenUpgrades = pgTable("citizen_upgrades", {
  name: text("name").primaryKey(),
  doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  rows: integer("rows").notNull().default(0),
});
