import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { bodies, orgUnits } from "../org-units/org-units.table";
import { sealed } from "../../kernel/columns";
import { provinceOfPath } from "../../kernel/rollups";

/** Catalogue of team and model types (seeded; provinces may add their own). */
export const groupTypes = pgTable("group_types", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  /** "team" (rated on the four levels) or "model" (effective / on paper only). */
  category: text("category").notNull(),
  /** Legal basis or source (law, seed article). */
  source: text("source"),
  isBuiltIn: boolean("is_built_in").notNull().default(true),
});

/** A team or self-management model at a unit, with its lifecycle. */
export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    provinceId: uuid("province_id").references(() => orgUnits.id),
    rollupPath: text("rollup_path").notNull(),
    typeCode: text("type_code")
      .notNull()
      .references(() => groupTypes.code),
    name: text("name").notNull(),
    foundedOn: date("founded_on").notNull(),
    /** pilot → active → dissolved (pilot may also be dissolved). */
    status: text("status").notNull(),
    replicatedFromId: uuid("replicated_from_id"),
    managingBodyId: uuid("managing_body_id").references(() => bodies.id),
    dissolvedOn: date("dissolved_on"),
    notes: text("notes"),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("groups_rollup_idx").using("btree", sql`${t.rollupPath} text_pattern_ops`),
    index("groups_unit_idx").on(t.orgUnitId),
    check("groups_province_ck", provinceOfPath(t.provinceId, t.rollupPath)),
  ],
);

/**
 * Members with join and leave dates. Membership of a Khmer-clan or Buddhist group reveals ethnicity
 * or religion (sensitive data, Decree 13/2023 Art. 2.4), so every member's identity is sealed
 * (kernel/envelope.ts, the member's id in the associated data): name, ethnicity, religion and
 * notes. `nameIndex` is a keyed HMAC of the folded name (groups.crypto.ts) for search. `fullName`
 * is the clear column of rows written before sealing; the start-up upgrade seals and empties it.
 * Retention de-identifies a member who left long ago (`deidentifiedAt`): the sealed fields go, the
 * dates that the figures count stay.
 */
export const groupMembers = pgTable(
  "group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** Legacy clear name (null once sealed). */
    fullName: text("full_name"),
    fullNameSealed: sealed("full_name_sealed"),
    nameIndex: text("name_index"),
    ethnicitySealed: sealed("ethnicity_sealed"),
    religionSealed: sealed("religion_sealed"),
    notesSealed: sealed("notes_sealed"),
    deidentifiedAt: timestamp("deidentified_at", { withTimezone: true }),
    birthDate: date("birth_date"),
    role: text("role"),
    joinedOn: date("joined_on").notNull(),
    leftOn: date("left_on"),
    /** Disciplined at warning level or above (certification criterion). */
    disciplined: boolean("disciplined").notNull().default(false),
    /** Decision of the commune chairman admitting a member over 70 (Law 30/2023 Art. 13). */
    ageExceptionDecision: text("age_exception_decision"),
    ageExceptionDecidedOn: date("age_exception_decided_on"),
    /** Row version for offline edits (If-Match): 1 at insert, +1 by a trigger on every update. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("group_members_group_idx").on(t.groupId),
    index("group_members_name_idx").on(t.nameIndex),
    index("group_members_left_idx")
      .on(t.leftOn)
      .where(sql`${t.deidentifiedAt} is null`),
  ],
);

/** Baseline survey at founding: crime, drugs, gangs, social-evil counts. */
export const groupSurveys = pgTable(
  "group_surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    surveyedOn: date("surveyed_on").notNull(),
    crimes: integer("crimes").notNull().default(0),
    drugUsers: integer("drug_users").notNull().default(0),
    gangs: integer("gangs").notNull().default(0),
    socialEvils: integer("social_evils").notNull().default(0),
    notes: text("notes"),
  },
  (t) => [index("group_surveys_group_idx").on(t.groupId)],
);

/**
 * Periodic evaluation: teams get one of the four levels (excellent, good, completed, not_completed);
 * models are "effective" or "on_paper" with reasons.
 */
export const groupEvaluations = pgTable(
  "group_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    evaluatedOn: date("evaluated_on").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    rating: text("rating").notNull(),
    reasons: jsonb("reasons")
      .notNull()
      .default(sql`'[]'::jsonb`),
    evaluatedBy: uuid("evaluated_by").references(() => accounts.id),
  },
  (t) => [index("group_evaluations_group_idx").on(t.groupId, t.evaluatedOn)],
);

/**
 * The yearly rating of a grassroots security team (member null) or of one of its members, for the
 * evaluation year 15/11 of the previous year – 14/11 (Hướng dẫn 01/HD-BCA-V05). One row per
 * subject and year: a re-evaluation updates it (the audit log keeps the previous rating).
 */
export const groupYearRatings = pgTable(
  "group_year_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").references(() => groupMembers.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    /**
     * A team's rating is also its evaluation for the year in `group_evaluations` (what the detail
     * page, the stale list and the certification evidence read); this is that row, kept in step.
     */
    evaluationId: uuid("evaluation_id").references(() => groupEvaluations.id, { onDelete: "set null" }),
    rating: text("rating").notNull(),
    /** Whole months served in the year up to the evaluation (at least the minimum, 9). */
    monthsServed: smallint("months_served").notNull(),
    evaluatedOn: date("evaluated_on").notNull(),
    evaluatedBy: uuid("evaluated_by").references(() => accounts.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("group_year_ratings_team_uq")
      .on(t.groupId, t.year)
      .where(sql`${t.memberId} is null`),
    uniqueIndex("group_year_ratings_member_uq")
      .on(t.memberId, t.year)
      .where(sql`${t.memberId} is not null`),
    index("group_year_ratings_year_idx").on(t.year, t.groupId),
    check(
      "group_year_ratings_rating_ck",
      sql`${t.rating} in ('excellent', 'good', 'completed', 'not_completed')`,
    ),
  ],
);

/**
 * Groups and their active members per (unit, group type, day) as deltas, kept current by triggers on
 * `groups` and `group_members`: +1 on the day a group is founded (a member becomes active: the later
 * of joining and the group's founding), −1 on the day it is dissolved (the member leaves or the group
 * is dissolved, whichever comes first). The figures on a date are the sums over days ≤ that date —
 * the half-open rule of `groupTotals`. Province and commune rows only.
 */
export const groupRollups = pgTable(
  "group_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    typeCode: text("type_code").notNull(),
    day: date("day").notNull(),
    groups: integer("groups").notNull().default(0),
    members: integer("members").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.typeCode, t.day] }),
    // The figures ride in the index (Drizzle has no INCLUDE: trailing key columns), so the readers'
    // per-level arms (`partition(…).source`) are index-only scans, not a scan of the whole table.
    index("group_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.day,
      t.typeCode,
      t.groups,
      t.members,
    ),
  ],
);

/**
 * `groupRollups` summed per (unit, calendar year of the day), without the group type: the groups
 * and members of a unit on a date are these rows for the years before it plus the daily rows of
 * its own year up to it. `teams` and `models` are the `groups` deltas of types in those categories
 * (a type's category cannot change once groups use it: trigger `group_types_category_fixed`). Kept
 * by `group_rollups_apply`, the same statement-level triggers as `groupRollups` (migration
 * `group_year_rollups`): a province's children on a date read ~5 rows each instead of one per
 * type and day of change.
 */
export const groupYearRollups = pgTable(
  "group_year_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    year: integer("year").notNull(),
    groups: integer("groups").notNull().default(0),
    members: integer("members").notNull().default(0),
    teams: integer("teams").notNull().default(0),
    models: integer("models").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.year] }),
    // Carries the figures (trailing key columns: Drizzle has no INCLUDE): index-only reads by level.
    index("group_year_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.year,
      t.groups,
      t.members,
      t.teams,
      t.models,
    ),
  ],
);
