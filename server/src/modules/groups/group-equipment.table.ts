import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { groups } from "./groups.table";

/**
 * A model's equipment as a ledger of changes ("camera an ninh", "đèn đường", "cổng rào"…): an
 * installation adds its quantity, a removal takes it away (a negative change). The count of a kind
 * on a date is the sum of the changes on or before that date; rows are never edited.
 */
export const groupEquipmentChanges = pgTable(
  "group_equipment_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    change: integer("change").notNull(),
    on: date("on").notNull(),
    /** Who paid (state, community, donor): installations only. */
    fundedBy: text("funded_by"),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("group_equipment_changes_group_idx").on(t.groupId, t.kind, t.on),
    check("group_equipment_changes_change_ck", sql`${t.change} <> 0`),
    check("group_equipment_changes_funded_ck", sql`(${t.change} > 0) = (${t.fundedBy} is not null)`),
  ],
);

/** An online group (Zalo, Facebook…) a model runs for propaganda and for receiving information. */
export const groupOnlineChannels = pgTable(
  "group_online_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    platform: text("platform").notNull(),
    name: text("name").notNull(),
    members: integer("members").notNull(),
    startedOn: date("started_on").notNull(),
    closedOn: date("closed_on"),
    forPropaganda: boolean("for_propaganda").notNull(),
    forTips: boolean("for_tips").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_online_channels_group_idx").on(t.groupId)],
);
