import {
  addDays,
  TIP_CATEGORIES,
  TIP_CHANNELS,
  TIP_STATUSES,
  type TipCategory,
  type TipChannel,
  type TipStatus,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { shownCount } from "../citizen";
import { loadUnit, recordsOfUnit } from "../org-units";
import { isPolice } from "./tips.policy";

/**
 * Counts for the caller, of one unit's subtree when asked (outside the caller's tip.stats subtrees:
 * 404); a pre-reform unit's are the tips received at the units of its old subtree.
 */
export async function tipCountsOfUnit(db: Db, actor: Actor, orgUnitId: string | undefined) {
  const unit = orgUnitId
    ? await loadUnit(db, actor, orgUnitId, { permission: "tip.stats", scope: "rollup" })
    : null;
  return tipCounts(db, actor, unit);
}

/** Tip counts in the actor's `tip.stats` scope (optionally one unit's subtree). */
export async function tipCounts(db: Db, actor: Actor, unit: { path: string; rollupPath: string } | null) {
  const exact = isPolice(actor);
  const rows = await queryRows<{
    status: TipStatus;
    category: TipCategory;
    channel: TipChannel;
    n: number;
    overdue: number;
  }>(
    db,
    sql`select status, category, channel, count(*)::int as n,
          count(*) filter (where decided_at is null and first_suspended_at is null and received_hour + case extension_level
            when 0 then interval '20 days' when 1 then interval '2 months' else interval '4 months' end < now())::int as overdue
        from tips t where ${pathInScope(actor, "tip.stats", sql`t.unit_path`)}
        ${unit ? sql`and ${recordsOfUnit(unit, { rollupPath: sql`t.unit_path`, orgUnitId: sql`t.org_unit_id` })}` : sql``}
        group by status, category, channel`,
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
    // Web tips and reports recorded by staff (oral, phone, letter, cadre) are counted alike.
    byChannel: TIP_CHANNELS.map((channel) => ({
      channel,
      count: shownCount(
        sum((r) => r.channel === channel),
        exact,
      ),
    })),
    overdue: shownCount(
      rows.reduce((a, r) => a + r.overdue, 0),
      exact,
    ),
    can: { inbox: exact },
  };
}

/**
 * Indicator figures of the tips received under a rollup path (a pre-reform unit: at the units of
 * its old subtree, `unitPath`) over [from, to] (Vietnam dates):
 * received, transferred to the competent body, and the results recorded on them (cases solved,
 * arrests, people dealt with). Exact counts, never content: callers that show them to accounts
 * outside the police compartment suppress small cells (`SMALL_CELL_THRESHOLD`).
 */
export async function tipFigures(
  db: Db,
  p: { rollupPathPrefix: string; from: string; to: string; unitPath?: string | undefined },
) {
  const unit = { path: p.unitPath ?? p.rollupPathPrefix, rollupPath: p.rollupPathPrefix };
  const [r] = await queryRows<{
    received: number;
    transferred: number;
    solved: number;
    arrests: number;
    handled: number;
  }>(
    db,
    sql`select count(*)::int as received, count(t.transferred_at)::int as transferred,
          coalesce(sum(t.cases_solved), 0)::int as solved, coalesce(sum(t.arrests), 0)::int as arrests,
          coalesce(sum(t.people_handled), 0)::int as handled
        from tips t where ${recordsOfUnit(unit, { rollupPath: sql`t.unit_path`, orgUnitId: sql`t.org_unit_id` })}
          and t.received_hour >= ${`${p.from}T00:00:00+07:00`}::timestamptz
          and t.received_hour < ${`${addDays(p.to, 1)}T00:00:00+07:00`}::timestamptz`,
  );
  return r!;
}
