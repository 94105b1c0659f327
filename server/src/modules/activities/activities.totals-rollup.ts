import type { ActivityTotalsQuery } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { rollupsCover } from "../../kernel/rollups";
import {
  isWholeMonths,
  readActivityRollups,
  ROLLUP_FIGURES,
  type DimFilter,
  type RollupRow,
} from "./activities.rollups";
import type { ActivityUnitRow } from "./activities.queries";

type GroupRow = Record<string, number | string | boolean | null> & {
  total: boolean | null;
  k: string | null;
};

/**
 * The one rollup dimension a totals query needs, or null when the rollups cannot answer it exactly
 * (a pre-reform unit's old subtree, part of a month, or two dimensions at once such as a body filter
 * with a breakdown by kind): the caller then sums the records.
 */
export function rollupPlan(
  q: Pick<ActivityTotalsQuery, "from" | "to" | "groupBy" | "kind" | "topic" | "bodyKind" | "channel">,
  unit: Pick<ActivityUnitRow, "path" | "rollupPath">,
): { dim: string; family?: "body" | "kind" | "topic" } | null {
  if (q.channel || unit.path !== unit.rollupPath || !isWholeMonths(q.from, q.to)) return null;
  if (!rollupsCover(unit.path, q.groupBy === "child")) return null;
  const filters = [
    q.kind && `kind:${q.kind}`,
    q.topic && `topic:${q.topic}`,
    q.bodyKind && `body:${q.bodyKind}`,
  ].filter((x): x is string => Boolean(x));
  if (filters.length > 1) return null;
  const dim = filters[0] ?? "";
  if (q.groupBy === "body" || q.groupBy === "kind" || q.groupBy === "topic") {
    return dim === "" ? { dim, family: q.groupBy } : null;
  }
  return { dim };
}

const asGroupRow = (r: RollupRow, total: boolean, k: string | null): GroupRow => {
  const out: GroupRow = { total, k };
  for (const [f] of ROLLUP_FIGURES) out[f] = r[f];
  return out;
};

/**
 * Rows shaped like the record-summing query's (one `total` row, then one row per key) read from
 * the rollups. For `child`, the unit's direct records are its total minus its children's.
 */
export async function rollupGroupRows(
  db: Db,
  q: Pick<ActivityTotalsQuery, "from" | "to" | "groupBy">,
  unit: Pick<ActivityUnitRow, "path">,
  plan: { dim: string; family?: "body" | "kind" | "topic" },
): Promise<GroupRow[]> {
  const base = { path: unit.path, from: q.from, to: q.to };
  const joint: DimFilter = { exact: plan.dim };
  if (plan.family) {
    const [totals, split] = await Promise.all([
      readActivityRollups(db, { ...base, dim: joint }),
      readActivityRollups(db, { ...base, dim: { family: plan.family }, byDim: true }),
    ]);
    const prefix = `${plan.family}:`.length;
    return [
      ...totals.map((r) => asGroupRow(r, true, null)),
      ...split.map((r) => asGroupRow(r, false, r.dim.slice(prefix))),
    ];
  }
  const rows = await readActivityRollups(db, { ...base, dim: joint, children: q.groupBy === "child" });
  const total = rows.find((r) => r.child === "");
  const out = total ? [asGroupRow(total, true, null)] : [];
  if (q.groupBy !== "child" || !total) return out;
  const kids = rows.filter((r) => r.child !== "");
  const direct = asGroupRow(total, false, "");
  for (const [f] of ROLLUP_FIGURES) {
    direct[f] = kids.reduce((n, r) => n - r[f], total[f]);
  }
  if (Number(direct.activities) > 0) out.push(direct);
  return [...out, ...kids.map((r) => asGroupRow(r, false, r.child))];
}
