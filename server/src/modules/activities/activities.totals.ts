import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_TOPIC_LABELS,
  ACTIVITY_TOPICS,
  BODY_KIND_SHORT_LABELS,
  BODY_KINDS,
  type ActivityFigureTotals,
  type ActivityTotals,
  type ActivityTotalsQuery,
  type BodyKind,
  todayInVietnam,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { validationFailed } from "../../kernel/errors";
import { loadUnit, validOn } from "../org-units";
import { hours2 } from "./activities.presenter";
import { rollupGroupRows, rollupPlan } from "./activities.totals-rollup";
import { filterConditions, withinUnit, type ActivityUnitRow } from "./activities.queries";

type WideRow = Record<string, number | string | boolean | null>;
type GroupRow = WideRow & { total: boolean | null; k: string | null; label?: string | null };

const FIGURE_COLUMNS: [keyof ActivityFigureTotals, SQL][] = [
  ["attendees", sql`a.attendees`],
  ["households", sql`a.households`],
  ["students", sql`a.students`],
  ["leaflets", sql`a.leaflets`],
  ["panels", sql`a.panels`],
  ["slogans", sql`a.slogans`],
  ["broadcastItems", sql`a.broadcast_items`],
  ["broadcastHours", sql`a.broadcast_hours`],
];

/** Count and the sum of every figure, as numbers on both engines. */
const SUMS = sql.join(
  [
    sql`count(*)::int as activities`,
    ...FIGURE_COLUMNS.map(
      ([field, col]) => sql`coalesce(sum(${col}), 0)::float8 as ${sql.raw(`"${field}"`)}`,
    ),
  ],
  sql`, `,
);

export function toTotals(r: WideRow | undefined): ActivityFigureTotals {
  const n = (field: string) => Number(r?.[field] ?? 0);
  return {
    activities: n("activities"),
    attendees: n("attendees"),
    households: n("households"),
    students: n("students"),
    leaflets: n("leaflets"),
    panels: n("panels"),
    slogans: n("slogans"),
    broadcastItems: n("broadcastItems"),
    broadcastHours: hours2(n("broadcastHours")),
  };
}

/**
 * Figure sums of the activities whose rollup path starts with `rollupPathPrefix`, dated in
 * [from, to], optionally only those a body of `bodyKind` (co-)organised. Each activity counts once.
 * No scope check: callers (plan targets, reports) have already authorised the unit.
 */
export async function activityTotals(
  db: Db,
  opts: {
    rollupPathPrefix: string;
    from: string;
    to: string;
    bodyKind?: BodyKind | undefined;
    kind?: string | undefined;
    topic?: string | undefined;
    /** A pre-reform unit's own path: only the records of its old subtree. */
    unitPath?: string | undefined;
  },
): Promise<ActivityFigureTotals> {
  const unit = { path: opts.unitPath ?? opts.rollupPathPrefix, rollupPath: opts.rollupPathPrefix };
  const where = [withinUnit(unit), ...filterConditions(opts)];
  const [row] = await queryRows<WideRow>(
    db,
    sql`select ${SUMS} from activities a where ${sql.join(where, sql` and `)}`,
  );
  return toTotals(row);
}

type GroupBy = NonNullable<ActivityTotalsQuery["groupBy"]>;
const STATIC_KEYS: Record<Exclude<GroupBy, "child">, [readonly string[], Record<string, string>]> = {
  kind: [ACTIVITY_KINDS, ACTIVITY_KIND_LABELS],
  topic: [ACTIVITY_TOPICS, ACTIVITY_TOPIC_LABELS],
  body: [BODY_KINDS, BODY_KIND_SHORT_LABELS],
};

/** The value each activity is first grouped on (a key, or an array of keys). */
function dimension(groupBy: GroupBy): SQL {
  switch (groupBy) {
    case "kind":
      return sql`a.kind`;
    case "child":
      return sql`a.rollup_path`; // few distinct values; the child is cut out of each afterwards
    case "topic":
      return sql`a.topics`;
    case "body":
      return sql`a.organizer_kinds`;
  }
}

const OUTER_SUMS = sql.raw(
  ["activities", ...FIGURE_COLUMNS.map(([f]) => f)]
    .map((f) => `sum(i."${f}")::${f === "activities" ? "int" : "float8"} as "${f}"`)
    .join(", "),
);

/**
 * Two steps in one statement: the activities are summed per distinct dimension value (one scan,
 * one hash aggregate), then those few rows are expanded into one "total" row plus one row per key
 * (an activity with two topics or three organiser kinds counts in each of its groups, once).
 */
function groupedQuery(groupBy: GroupBy, unit: ActivityUnitRow, where: SQL): SQL {
  const multi = groupBy === "topic" || groupBy === "body";
  const key =
    groupBy === "child" ? sql`split_part(substr(i.d, ${unit.rollupPath.length + 1}), '/', 1)` : sql`i.d`;
  const expand = multi
    ? sql`lateral (select true, null::text union all select false, u from unnest(i.d) u) x(total, k)`
    : sql`lateral (values (true, null::text), (false, ${key})) x(total, k)`;
  return sql`select x.total, x.k, ${OUTER_SUMS}
    from (select ${dimension(groupBy)} as d, ${SUMS} from activities a where ${where} group by 1) i
    cross join ${expand} group by x.total, x.k`;
}

function staticGroups(groupBy: Exclude<GroupBy, "child">, rows: GroupRow[]) {
  const [keys, labels] = STATIC_KEYS[groupBy];
  const byKey = new Map(rows.filter((r) => !r.total).map((r) => [r.k, r]));
  return {
    totals: toTotals(rows.find((r) => r.total)),
    groups: keys.map((key) => ({ key, label: labels[key]!, totals: toTotals(byKey.get(key)) })),
  };
}

/**
 * Groups by the child unit of `unit` whose subtree holds each record's rollup path ("" = the unit
 * itself); every current child is listed, zeros included.
 */
async function childGroups(db: Db, unit: ActivityUnitRow, grouped: GroupRow[]): Promise<ActivityTotals> {
  const kids = await queryRows<{ k: string; label: string }>(
    db,
    sql`select c.id::text as k, c.full_name as label from org_units c
        where c.parent_id = ${unit.id} and ${validOn("c", todayInVietnam())}`,
  );
  const labels = new Map(kids.map((c) => [c.k, c.label]));
  const seen = new Set(grouped.map((r) => r.k));
  const rows: GroupRow[] = [
    ...grouped.map((r) => ({ ...r, label: r.k === null ? null : (labels.get(r.k) ?? null) })),
    ...kids.filter((c) => !seen.has(c.k)).map((c) => ({ total: false, k: c.k, label: c.label })),
  ];
  const groups = rows
    .filter((r) => !r.total)
    .map((r) =>
      r.k === ""
        ? { key: unit.id, label: "(trực tiếp)", totals: toTotals(r), direct: true }
        : { key: r.k!, label: r.label ?? r.k!, totals: toTotals(r), direct: false },
    )
    .sort((a, b) => Number(b.direct) - Number(a.direct) || a.label.localeCompare(b.label, "vi"))
    .map(({ direct: _d, ...g }) => g);
  return { totals: toTotals(rows.find((r) => r.total)), groups };
}

/** Totals of a unit's subtree (its records in the actor's read scope, else 404). */
export async function unitTotals(db: Db, actor: Actor, q: ActivityTotalsQuery): Promise<ActivityTotals> {
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" });
  return totalsFor(db, actor, q, unit);
}

/**
 * Joint totals (each activity once) and optional groups within the actor's scope: read from the
 * monthly rollups when they answer the query exactly (a current unit, whole months, one dimension),
 * otherwise summed from the records in one SQL query.
 */
export async function totalsFor(
  db: Db,
  actor: Actor,
  q: ActivityTotalsQuery,
  unit: ActivityUnitRow,
): Promise<ActivityTotals> {
  if (q.groupBy === "child" && unit.path !== unit.rollupPath) {
    throw validationFailed([
      { path: "querystring.groupBy", message: "Chỉ nhóm theo đơn vị trực thuộc với đơn vị đang có hiệu lực" },
    ]);
  }
  const where = sql.join(
    [pathInScope(actor, "activity.read", sql`a.rollup_path`), withinUnit(unit), ...filterConditions(q)],
    sql` and `,
  );
  const plan = rollupPlan(q, unit);
  if (!q.groupBy) {
    const [row] = plan
      ? await rollupGroupRows(db, q, unit, plan)
      : await queryRows<WideRow>(db, sql`select ${SUMS} from activities a where ${where}`);
    return { totals: toTotals(row) };
  }
  const rows = plan
    ? await rollupGroupRows(db, q, unit, plan)
    : await queryRows<GroupRow>(db, groupedQuery(q.groupBy, unit, where));
  if (q.groupBy === "child") return childGroups(db, unit, rows);
  return staticGroups(q.groupBy, rows);
}
