import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";

/**
 * A partnership of a unit's body (the Front, the police, a member organisation) with a newspaper, a
 * radio or television station or an official page, to spread the movement: agreement and period.
 */
export const mediaPartnerships = pgTable(
  "media_partnerships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    ownerBodyId: uuid("owner_body_id")
      .notNull()
      .references(() => bodies.id),
    partnerName: text("partner_name").notNull(),
    partnerKind: text("partner_kind").notNull(),
    agreementNumber: text("agreement_number"),
    agreementDate: date("agreement_date"),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    notes: text("notes"),
    /** Row version for If-Match: 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("media_partnerships_rollup_idx").using(
      "btree",
      sql`${t.rollupPath} text_pattern_ops`,
      t.periodFrom,
    ),
  ],
);

/** An item published or aired under a partnership: date, title, kind, link, topic. */
export const mediaItems = pgTable(
  "media_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => mediaPartnerships.id),
    publishedOn: date("published_on").notNull(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    link: text("link"),
    topic: text("topic").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_items_partnership_idx").on(t.partnershipId, t.publishedOn)],
);
