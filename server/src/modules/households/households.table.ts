import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
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
import { provinceOfPath } from "../../kernel/rollups";

/** Household register per residential area: minimal personal data only. */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    headName: text("head_name").notNull(),
    address: text("address").notNull(),
    members: integer("members").notNull(),
    /** Member organisations the household belongs to (body kinds: farmers, women, veterans…). */
    memberOrgs: text("member_orgs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Optional register number from the area's own book (unique within the area). */
    code: text("code"),
    /** foldVietnamese(head name + " " + address): accent-insensitive search. */
    searchText: text("search_text").notNull(),
    movedOutOn: date("moved_out_on"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Row version for offline edits (If-Match): 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("households_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    index("households_unit_idx").on(t.orgUnitId),
    check("households_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
    index("households_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex("households_unit_code_uq")
      .on(t.orgUnitId, t.code)
      .where(sql`${t.code} is not null`),
  ],
);

/** The yearly signed commitment of a household (one per household and year). */
export const householdCommitments = pgTable(
  "household_commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    rollupPath: text("rollup_path").notNull(),
    year: integer("year").notNull(),
    signedOn: date("signed_on").notNull(),
    formVersion: text("form_version").notNull(),
    scanPath: text("scan_path"),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Row version for offline edits (If-Match): 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("household_commitments_year_uq").on(t.householdId, t.year),
    index("household_commitments_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.year),
  ],
);

/**
 * Household coverage per (unit, year, organisation) as deltas, kept current by triggers on
 * `households` and `household_commitments` (migration `stock_rollups_triggers`). A household is
 * counted in year Y when it was registered by the end of Y (or signed for Y) and had not moved out
 * by then — the rule of `coverageGroups`:
 * - `stock`: +1 in the year the household was registered, −1 in the year it moved out; the
 *   households of Y are the sum of `stock` over years ≤ Y plus `extra` of Y;
 * - `extra`: households signed for Y although registered after Y (a late import of an old commitment);
 * - `signed`: households with a commitment for Y that had not moved out by the end of Y.
 * `org`: "" every household, "*" households in any member organisation, else one organisation.
 * Province and commune rows only, as for activities.
 */
export const householdRollups = pgTable(
  "household_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    year: integer("year").notNull(),
    org: text("org").notNull(),
    stock: integer("stock").notNull().default(0),
    extra: integer("extra").notNull().default(0),
    signed: integer("signed").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.org, t.year] }),
    // Carries the figures (trailing key columns: Drizzle has no INCLUDE): a province's children are
    // read index-only instead of one heap page per row.
    index("household_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.year,
      t.org,
      t.stock,
      t.extra,
      t.signed,
    ),
  ],
);

/**
 * Safe-family recognitions per (unit, year), kept current by triggers on `household_safe_families`,
 * `households` and `household_commitments` (migration `safe_family_rollups`). For each standing
 * recognition (not withdrawn) of a household for year Y that had not moved out by the end of Y:
 * - `recognised`: +1;
 * - `late`: +1 when the household was registered after Y and did not sign for Y — the households
 *   the safe-family rule counts for Y beyond those of `household_rollups` (stock + extra).
 * The households of the safe-family rate are `household_rollups` ("" org) plus `late`. Province and
 * commune rows only, as for activities.
 */
export const safeFamilyRollups = pgTable(
  "safe_family_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    year: integer("year").notNull(),
    recognised: integer("recognised").notNull().default(0),
    late: integer("late").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.year] }),
    index("safe_family_rollups_children_idx").using("btree", t.depth, sql`${t.unitPath} text_pattern_ops`),
  ],
);

/**
 * The commitment forms a unit manages (the ward's or the area's own "Mẫu cam kết 2026"): a
 * commitment is recorded against one of the templates of its household's unit or an ancestor.
 */
export const commitmentTemplates = pgTable(
  "commitment_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("commitment_templates_unit_name_uq").on(t.orgUnitId, t.name)],
);

/**
 * A household recognised as a safe family ("gia đình an toàn về an ninh, trật tự") for a year, by
 * the residential area's yearly review or the commune. At most one standing recognition per household
 * and year; a withdrawn one keeps its row (and reason) and may be followed by a new one.
 */
export const householdSafeFamilies = pgTable(
  "household_safe_families",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    rollupPath: text("rollup_path").notNull(),
    year: integer("year").notNull(),
    /** residential_area | commune (SAFE_FAMILY_DECIDER_LEVELS). */
    decidedLevel: text("decided_level").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: date("decided_on").notNull(),
    decisionNumber: text("decision_number"),
    note: text("note"),
    withdrawnOn: date("withdrawn_on"),
    withdrawnReason: text("withdrawn_reason"),
    withdrawnBy: uuid("withdrawn_by").references(() => accounts.id),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("household_safe_families_year_uq")
      .on(t.householdId, t.year)
      .where(sql`${t.withdrawnOn} is null`),
    index("household_safe_families_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.year),
  ],
);
