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
