import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Administrative units and the units created under communes. `path` is the materialised
 * path of ids ("/root/province/commune/") used for subtree queries with a prefix match.
 */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code"),
    kind: text("kind").notNull(),
    type: text("type"),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    /** Folded full name ("phuong bac lieu"): accent-insensitive search. */
    searchName: text("search_name").notNull(),
    /** Folded short name ("bac lieu"): ranks exact and prefix matches first. */
    sortName: text("sort_name").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => orgUnits.id),
    provinceId: uuid("province_id").references((): AnyPgColumn => orgUnits.id),
    path: text("path").notNull(),
    /**
     * Path of the current unit this unit's records roll up into: its own path for current units;
     * for a pre-reform unit, the lowest common ancestor of its successors (one merged commune →
     * that commune; a split or a district → the new province).
     */
    rollupPath: text("rollup_path").notNull(),
    depth: integer("depth").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    isOfficial: boolean("is_official").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("org_units_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("org_units_parent_idx").on(t.parentId),
    index("org_units_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    index("org_units_code_idx").on(t.code),
    // Prefix matches (`like 'x%'`) need pattern ops where the database collation is not C.
    index("org_units_code_prefix_idx").using("btree", sql`${t.code} text_pattern_ops`),
    index("org_units_search_prefix_idx").using("btree", sql`${t.searchName} text_pattern_ops`),
    index("org_units_search_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
    uniqueIndex("org_units_official_code_uq")
      .on(t.kind, t.code, t.validFrom)
      .where(sql`${t.isOfficial}`),
    uniqueIndex("org_units_local_name_uq")
      .on(t.parentId, t.kind, t.searchName)
      .where(sql`not ${t.isOfficial}`),
    check(
      "org_units_kind_ck",
      sql`${t.kind} in ('country','province','district','commune','residential_area','agency','enterprise','school')`,
    ),
  ],
);
export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** Old unit → new unit (2025 reform): full or partial. */
export const orgUnitLineage = pgTable(
  "org_unit_lineage",
  {
    oldUnitId: uuid("old_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    newUnitId: uuid("new_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    mergeType: text("merge_type").notNull(),
    effectiveDate: date("effective_date").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.oldUnitId, t.newUnitId] }),
    index("org_unit_lineage_new_idx").on(t.newUnitId),
  ],
);

/** Attribute changes of a unit that keeps its identity (e.g. 2026-04-30 Đồng Nai becomes a city). */
export const orgUnitChanges = pgTable(
  "org_unit_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    effectiveDate: date("effective_date").notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value").notNull(),
    newValue: text("new_value").notNull(),
    legalBasis: text("legal_basis"),
  },
  (t) => [index("org_unit_changes_unit_idx").on(t.orgUnitId)],
);

/** Bodies (Front committee, police, member organisations…) at a unit. */
export const bodies = pgTable(
  "bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("bodies_unit_kind_uq").on(t.orgUnitId, t.kind)],
);
