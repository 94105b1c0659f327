import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
