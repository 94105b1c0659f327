import {
  SMALL_CELL_THRESHOLD,
  TIP_CATEGORIES,
  TIP_STATUSES,
  type ShownCount,
  type TipCategory,
  type TipStatus,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { isPolice } from "./tips.policy";

/** A count as shown: exact for the police, "<5" (value hidden) elsewhere when 1–4. */
export function shownCount(n: number, exact: boolean): ShownCount {
  if (!exact && n > 0 && n < SMALL_CELL_THRESHOLD) {
    return { value: null, display: `<${SMALL_CELL_THRESHOLD}`, suppressed: true };
  }
  return { value: n, display: n.toLocaleString("vi-VN"), suppressed: false };
}

/** Tip counts in the actor's `tip.stats` scope (optionally one unit's subtree). */
export async function tipCounts(db: Db, actor: Actor, unitPath: string | null) {
  const exact = isPolice(actor);
  const rows = await queryRows<{ status: TipStatus; category: TipCategory; n: number; overdue: number }>(
    db,
    sql`select status, category, count(*)::int as n,
          count(*) filter (where decided_at is null and received_hour + case extension_level
            when 0 then interval '20 days' when 1 then interval '2 months' else interval '4 months' end < now())::int as overdue
        from tips t where ${pathInScope(actor, "tip.stats", sql`t.unit_path`)}
        ${unitPath ? sql`and t.unit_path like ${`${unitPath}%`}` : sql``}
        group by status, category`,
  );
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.n, 0);
  return {
    total: shownCount(
      sum(() => true),
      exact,
    ),
    byStatus: TIP_STATUSES.map((status) => ({
      status,
      count: shownCount(
        sum((r) => r.status === status),
        exact,
      ),
    })),
    byCategory: TIP_CATEGORIES.map((category) => ({
      category,
      count: shownCount(
        sum((r) => r.category === category),
        exact,
      ),
    })),
    overdue: shownCount(
      rows.reduce((a, r) => a + r.overdue, 0),
      exact,
    ),
  };
}
