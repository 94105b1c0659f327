import { sql } from "drizzle-orm";
import { date, index, integer, numeric, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * Activity figures summed per (unit, month, dimension), kept current by statement-level triggers on
 * `activities` in the same transaction as every insert, update and delete (migration
 * `activity_rollups_triggers`), so bulk loaders are covered too.
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
    activities: integer("activities").notNull().default(0),
    attendees: integer("attendees").notNull().default(0),
    households: integer("households").notNull().default(0),
    students: integer("students").notNull().default(0),
    leaflets: integer("leaflets").notNull().default(0),
    panels: integer("panels").notNull().default(0),
    slogans: integer("slogans").notNull().default(0),
    broadcastItems: integer("broadcast_items").notNull().default(0),
    broadcastHours: numeric("broadcast_hours", { precision: 14, scale: 2 }).notNull().default("0"),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.dim, t.month] }),
    index("activity_rollups_children_idx").using(
      "btree",
      t.depth,
      t.dim,
      sql`${t.unitPath} text_pattern_ops`,
      t.month,
    ),
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
    index("household_rollups_children_idx").using("btree", t.depth, sql`${t.unitPath} text_pattern_ops`),
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
    index("group_rollups_children_idx").using("btree", t.depth, sql`${t.unitPath} text_pattern_ops`, t.day),
  ],
);

/**
 * Certification counts per (unit, kind, year), kept by triggers on `org_units` and
 * `certification_cycles` (migration `certification_rollups`): year 0 holds `units`, the current
 * units of that kind under the unit (itself included); year Y holds the cycles of year Y of those
 * units and how many were recognised. A rate is recognised ÷ units — the rule of
 * `certificationRate`. Province and commune rows only.
 */
export const certificationRollups = pgTable(
  "certification_rollups",
  {
    unitPath: text("unit_path").notNull(),
    depth: smallint("depth").notNull(),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    units: integer("units").notNull().default(0),
    cycles: integer("cycles").notNull().default(0),
    recognised: integer("recognised").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.kind, t.year] }),
    index("certification_rollups_children_idx").using(
      "btree",
      t.depth,
      sql`${t.unitPath} text_pattern_ops`,
      t.year,
    ),
  ],
);
