import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  bigint,
  boolean,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { provinceOfPath } from "../../kernel/rollups";

/**
 * One activity (propaganda session, meeting, training, broadcast…) recorded at a unit.
 * `rollupPath` is copied from the unit at write time, so subtree totals are a prefix match on this
 * table alone, and pre-reform records land in today's units.
 */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /**
     * The province of `rollupPath` (null at the root): the distribution key (decision 0014),
     * checked against the path by `activities_province_ck` rather than by a foreign key (0018).
     */
    provinceId: uuid("province_id"),
    rollupPath: text("rollup_path").notNull(),
    kind: text("kind").notNull(),
    date: date("date").notNull(),
    title: text("title"),
    topics: text("topics")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** How it reached people (ACTIVITY_CHANNELS): in person, loudspeakers, Zalo groups, the media. */
    channels: text("channels")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * Distinct body kinds of the organisers, sorted (a copy of activity_organizers.body_kind), so
     * totals by organiser kind read this table alone and count each activity once per kind. Every
     * writer that adds organisers (bulk loaders too) must set it — see `organizerKindsOf`.
     */
    organizerKinds: text("organizer_kinds")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attendees: integer("attendees").notNull().default(0),
    households: integer("households").notNull().default(0),
    students: integer("students").notNull().default(0),
    leaflets: integer("leaflets").notNull().default(0),
    panels: integer("panels").notNull().default(0),
    slogans: integer("slogans").notNull().default(0),
    broadcastItems: integer("broadcast_items").notNull().default(0),
    broadcastHours: numeric("broadcast_hours", { precision: 10, scale: 2 }).notNull().default("0"),
    /**
     * A broadcast item's airings on the loudspeaker systems: clusters (informative), airings in all,
     * minutes an airing. With airings, `broadcastHours` is airings × minutes / 60 (checked here).
     */
    broadcastStations: integer("broadcast_stations").notNull().default(0),
    broadcastAirings: integer("broadcast_airings").notNull().default(0),
    broadcastMinutes: integer("broadcast_minutes").notNull().default(0),
    notes: text("notes"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Row version for offline edits (If-Match): 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("activities_rollup_date_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.date),
    index("activities_unit_date_idx").on(t.orgUnitId, t.date),
    index("activities_date_idx").on(t.date),
    check("activities_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
    check(
      "activities_figures_ck",
      sql`${t.attendees} >= 0 and ${t.households} >= 0 and ${t.students} >= 0 and ${t.leaflets} >= 0
        and ${t.panels} >= 0 and ${t.slogans} >= 0 and ${t.broadcastItems} >= 0 and ${t.broadcastHours} >= 0`,
    ),
    check(
      "activities_airings_ck",
      sql`${t.broadcastStations} >= 0 and ${t.broadcastAirings} >= 0 and ${t.broadcastMinutes} >= 0
        and (${t.broadcastAirings} = 0) = (${t.broadcastMinutes} = 0)
        and ${t.broadcastStations} <= greatest(${t.broadcastAirings}, 0)
        and (${t.broadcastAirings} = 0
          or ${t.broadcastHours} = round(${t.broadcastAirings}::numeric * ${t.broadcastMinutes} / 60, 2))`,
    ),
  ],
);

/** Organising bodies of an activity (one or many); `bodyKind` is copied for grouping. */
export const activityOrganizers = pgTable(
  "activity_organizers",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    bodyKind: text("body_kind").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.bodyId] }),
    index("activity_organizers_body_idx").on(t.bodyId),
  ],
);

/** The figures every activity rollup sums (monthly and yearly), each from its record's column. */
const rollupFigures = () => ({
  activities: integer("activities").notNull().default(0),
  attendees: integer("attendees").notNull().default(0),
  households: integer("households").notNull().default(0),
  students: integer("students").notNull().default(0),
  leaflets: integer("leaflets").notNull().default(0),
  panels: integer("panels").notNull().default(0),
  slogans: integer("slogans").notNull().default(0),
  broadcastItems: integer("broadcast_items").notNull().default(0),
  broadcastHours: numeric("broadcast_hours", { precision: 14, scale: 2 }).notNull().default("0"),
});

/**
 * Activity figures summed per (unit, month, dimension). Statement-level triggers on `activities`
 * append every insert, update and delete to `activityRollupPending` in the writer's statement (so
 * bulk loaders are covered too); the folder adds them here in batches. Read the view
 * `activity_rollups_live` (this plus what is pending), which is exact at any moment.
 *
 * - `unitPath`: the province and commune prefixes of the record's rollup path (today's tree;
 *   pre-reform records land in the unit they roll up into). The country's row holds only records
 *   made at the country (its total is the sum of its provinces); units below communes (residential
 *   areas, agencies) are summed from their few records (`ROLLUP_MAX_DEPTH`).
 * - `depth`: number of segments of `unitPath` (the country is 1), to read one level of children.
 * - `dim`: "" = joint totals (each activity once); "body:<kind>" = activities a body of that kind
 *   (co-)organised (once per kind); "kind:<activity kind>"; "topic:<topic>".
 * - the indicator is the column: `activities` (count) and one sum per figure.
 *
 * A national year is 12 rows; one level of children over a year is children × 12.
 */
export const activityRollups = pgTable(
  "activity_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    month: date("month").notNull(),
    dim: text("dim").notNull(),
    ...rollupFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.dim, t.month] }),
    // One level of children over a year is children × 12 rows, each on its own heap page (rows are
    // written in the order records arrive): the figures are in the index too, so that read is an
    // index-only scan of a few dozen pages instead of one heap page per row (~2,000 for TP HCM).
    // Drizzle has no INCLUDE, so they are trailing key columns.
    index("activity_rollups_children_idx").using(
      "btree",
      t.depth,
      t.dim,
      sql`${t.unitPath} text_pattern_ops`,
      t.month,
      t.activities,
      t.attendees,
      t.households,
      t.students,
      t.leaflets,
      t.panels,
      t.slogans,
      t.broadcastItems,
      t.broadcastHours,
    ),
  ],
);

/**
 * The joint totals of `activityRollups` (dim "") per (unit, year): one row per unit and year where
 * the monthly rollups have twelve, so a year's figures for a province's children read 1 row per
 * commune (126–168) instead of 12 (1,500–2,000). Same unit paths and depths (the ancestors of the
 * record's rollup path); kept by the same fold statement as the monthly rows, from the same pending
 * changes; read through the view `activity_year_rollups_live` (this plus what is pending).
 */
export const activityYearRollups = pgTable(
  "activity_year_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    year: integer("year").notNull(),
    ...rollupFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.year] }),
    // Carries the figures (trailing key columns: Drizzle has no INCLUDE): index-only reads by level.
    index("activity_year_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.year,
      t.activities,
      t.attendees,
      t.households,
      t.students,
      t.leaflets,
      t.panels,
      t.slogans,
      t.broadcastItems,
      t.broadcastHours,
    ),
  ],
);

/**
 * A training activity's level and form (tập huấn, bồi dưỡng), 1:1 with an activity of kind
 * `training`; its trainees are in `activity_trainees`.
 */
export const activityTrainings = pgTable("activity_trainings", {
  activityId: uuid("activity_id")
    .primaryKey()
    .references(() => activities.id, { onDelete: "cascade" }),
  level: text("level").notNull(),
  form: text("form").notNull(),
});

/**
 * The roster of a training: personal data, kept as the groups' rosters are — plain rows read only
 * through the activity's scope, never in the audit log (which keeps the count).
 */
export const activityTrainees = pgTable(
  "activity_trainees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activityTrainings.activityId, { onDelete: "cascade" }),
    ordinal: smallint("ordinal").notNull(),
    fullName: text("full_name").notNull(),
    position: text("position"),
    organisation: text("organisation"),
  },
  (t) => [uniqueIndex("activity_trainees_activity_ordinal_uq").on(t.activityId, t.ordinal)],
);

/**
 * The festival day 19/8 of one unit in one year: its plan (level, venues, the ceremony's and the
 * festival's contents, organisers) and, once held, its day, attendance, gifts and commendations.
 *
 * Its own table, not a detail of an activity: the plan exists before the day, and an activity's
 * date cannot be in the future. Once held it may point (1:1, `activity_id` unique) to the
 * `festival_day` activity that counts it among the activities; the festival's figures are read by
 * the festival overview and indicators only, never added to activity totals, so those stay right.
 */
export const festivals = pgTable(
  "festivals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    year: smallint("year").notNull(),
    level: text("level").notNull(),
    showcase: boolean("showcase").notNull().default(false),
    planDate: date("plan_date"),
    heldOn: date("held_on"),
    venues: text("venues")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    organizerBodyIds: uuid("organizer_body_ids").array().notNull(),
    ceremonyContent: text("ceremony_content"),
    festivalContent: text("festival_content"),
    attendees: integer("attendees").notNull().default(0),
    gifts: integer("gifts").notNull().default(0),
    giftValue: bigint("gift_value", { mode: "number" }).notNull().default(0),
    awards: integer("awards").notNull().default(0),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("festivals_unit_year_uq").on(t.orgUnitId, t.year),
    uniqueIndex("festivals_activity_uq").on(t.activityId),
    index("festivals_rollup_year_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`, t.year),
    check(
      "festivals_figures_ck",
      sql`${t.attendees} >= 0 and ${t.gifts} >= 0 and ${t.giftValue} >= 0 and ${t.awards} >= 0`,
    ),
  ],
);

/**
 * Changes to `activities` not yet folded into `activity_rollups`: one row per record inserted
 * (sign 1), deleted (-1) or updated (-1 old, +1 new), appended by the triggers (migration
 * `activity_rollups_deferred`) with no shared row to lock. The folder (activities.rollup-folder.ts)
 * moves them into the rollups in batches; readers add them (view `activity_rollups_live`).
 */
export const activityRollupPending = pgTable("activity_rollup_pending", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  sign: smallint("sign").notNull(),
  rollupPath: text("rollup_path").notNull(),
  date: date("date").notNull(),
  kind: text("kind").notNull(),
  organizerKinds: text("organizer_kinds").array().notNull(),
  topics: text("topics").array().notNull(),
  attendees: integer("attendees").notNull(),
  households: integer("households").notNull(),
  students: integer("students").notNull(),
  leaflets: integer("leaflets").notNull(),
  panels: integer("panels").notNull(),
  slogans: integer("slogans").notNull(),
  broadcastItems: integer("broadcast_items").notNull(),
  broadcastHours: numeric("broadcast_hours", { precision: 10, scale: 2 }).notNull(),
});
