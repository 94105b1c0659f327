import {
  SMALL_CELL_THRESHOLD,
  todayInVietnam,
  type CaseStats,
  type CaseStatsQuery,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { caseHelpFigures, type HelpCounts } from "./cases.help-stats";
import { caseRowIn, type Subtree } from "./cases.subtree";
import { recordsOfUnit } from "../org-units";

export type CaseFigures = CaseStats["figures"];
type Counts = { [K in keyof CaseFigures]: number };

/** Holdings `h` by a commune of the subtree. */
const holdingIn = (q: Subtree) =>
  recordsOfUnit(
    { path: q.unitPath ?? q.rollupPathPrefix, rollupPath: q.rollupPathPrefix },
    { rollupPath: sql`h.rollup_path`, orgUnitId: sql`h.commune_id` },
  );

/** The holding `h` was the subtree's on date `d`: [held_from, held_until). */
const heldOn = (d: SQL) => sql`(h.held_from <= ${d} and (h.held_until is null or h.held_until > ${d}))`;

/**
 * Case figures of a subtree over a period (HCD-12 monthly, HCD-13 quarterly / half-yearly / yearly):
 * counts only, no personal data. The indicator registry calls this. A file counts at the commune
 * that held it on the counted date (case_holdings), so a move changes later counts, never past ones;
 * a file held by two communes of the subtree counts once.
 */
export async function caseStatistics(db: Db, q: Subtree & { from: string; to: string }): Promise<Counts> {
  const unit = { path: q.unitPath ?? q.rollupPathPrefix, rollupPath: q.rollupPathPrefix };
  const toIn = recordsOfUnit(unit, { rollupPath: sql`t.to_rollup_path`, orgUnitId: sql`t.to_commune_id` });
  const fromIn = recordsOfUnit(unit, {
    rollupPath: sql`t.from_rollup_path`,
    orgUnitId: sql`t.from_commune_id`,
  });
  const to = sql`${q.to}::date`;
  const inPeriod = (d: SQL) => sql`(${d} between ${q.from}::date and ${q.to}::date)`;
  const closedAs = (outcome: string) =>
    sql`count(distinct c.id) filter (where ${heldOn(sql`c.closed_on`)} and ${inPeriod(sql`c.closed_on`)}
      and c.outcome = ${outcome})::int`;
  const [c] = await queryRows<
    Omit<
      Counts,
      | "groupA"
      | "groupB"
      | "groupC"
      | "groupD"
      | "supports"
      | "transferredIn"
      | "transferredOut"
      | keyof HelpCounts
    >
  >(
    db,
    sql`select
        count(distinct c.id) filter (where ${heldOn(to)} and c.reported_in_on <= ${to}
          and (c.closed_on is null or c.closed_on > ${to}))::int as "underManagement",
        count(distinct c.id) filter (where ${heldOn(sql`c.reported_in_on`)} and ${inPeriod(sql`c.reported_in_on`)})::int as "newInPeriod",
        count(distinct c.id) filter (where ${heldOn(sql`c.closed_on`)} and ${inPeriod(sql`c.closed_on`)})::int as "closedInPeriod",
        count(distinct c.id) filter (where ${heldOn(sql`c.assign_due_on`)} and ${inPeriod(sql`c.assign_due_on`)}
          and ((c.decided_on is null and c.assign_due_on < ${todayInVietnam()}::date)
            or c.decided_on > c.assign_due_on))::int as "assignedLate",
        ${closedAs("expunged")} as "expunged", ${closedAs("moved")} as "moved",
        ${closedAs("settled_abroad")} as "settledAbroad", ${closedAs("missing")} as "missing",
        ${closedAs("died")} as "died", ${closedAs("reimprisoned")} as "reimprisoned",
        ${closedAs("completed")} as "completed", ${closedAs("ended_early")} as "endedEarly",
        ${closedAs("reformed")} as "reformed", ${closedAs("management_ended")} as "managementEnded"
      from case_holdings h join cases c on c.id = h.case_id where ${holdingIn(q)}`,
  );
  // Moves across the subtree's edge (a move inside it is neither in nor out).
  const [t] = await queryRows<{ transferredIn: number; transferredOut: number }>(
    db,
    sql`select
        count(*) filter (where ${toIn} and not ${fromIn})::int as "transferredIn",
        count(*) filter (where ${fromIn} and not ${toIn})::int as "transferredOut"
      from case_transfers t where (${toIn} or ${fromIn})
        and ${inPeriod(sql`t.transferred_on`)}`,
  );
  // Each case counts once, in the group of its latest classification made in the period.
  const groups = await queryRows<{ group: string; n: number }>(
    db,
    sql`select g."group", count(*)::int as n from (
          select distinct on (k.case_id) k.case_id, k."group" from case_classifications k
          where ${caseRowIn(q, { rollupPath: sql`k.rollup_path`, caseId: sql`k.case_id`, on: sql`k.classified_on` })}
            and k.classified_on between ${q.from}::date and ${q.to}::date
          order by k.case_id, k.quarter desc) g group by g."group"`,
  );
  const [s] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_supports s
        where ${caseRowIn(q, { rollupPath: sql`s.rollup_path`, caseId: sql`s.case_id`, on: sql`s.provided_on` })}
          and s.provided_on between ${q.from}::date and ${q.to}::date`,
  );
  const g = (k: string) => groups.find((r) => r.group === k)?.n ?? 0;
  return {
    ...c!,
    ...(await caseHelpFigures(db, q)),
    groupA: g("A"),
    groupB: g("B"),
    groupC: g("C"),
    groupD: g("D"),
    supports: s?.n ?? 0,
    transferredIn: t?.transferredIn ?? 0,
    transferredOut: t?.transferredOut ?? 0,
  };
}

/** The calendar span of a reporting period key (2026-03, 2026-Q1, 2026-H1, 2026). */
export function periodRange(
  period: CaseStatsQuery["period"],
  key: string,
): { from: string; to: string } | null {
  const year = Number(key.slice(0, 4));
  const end = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const span = (m1: number, m2: number) => ({
    from: `${year}-${String(m1).padStart(2, "0")}-01`,
    to: end(year, m2),
  });
  if (period === "year" && /^\d{4}$/.test(key)) return span(1, 12);
  const m = /^\d{4}-(\d{2})$/.exec(key);
  if (period === "month" && m) return span(Number(m[1]), Number(m[1]));
  const qm = /^\d{4}-Q([1-4])$/.exec(key);
  if (period === "quarter" && qm) return span(Number(qm[1]) * 3 - 2, Number(qm[1]) * 3);
  const hm = /^\d{4}-H([12])$/.exec(key);
  if (period === "half_year" && hm) return span(Number(hm[1]) * 6 - 5, Number(hm[1]) * 6);
  return null;
}

/** Cells between 1 and threshold − 1 become null (small-cell suppression) for viewers outside the police. */
export function suppressSmall(counts: Counts, suppress: boolean): CaseFigures {
  if (!suppress) return counts;
  const out = {} as CaseFigures;
  for (const [k, v] of Object.entries(counts) as [keyof CaseFigures, number][]) {
    out[k] = v > 0 && v < SMALL_CELL_THRESHOLD ? null : v;
  }
  return out;
}

/**
 * The reintegration figures of the indicator registry over a period: people under community
 * education at some time in it, people who received support in it, people whose supervision ended
 * in it on a positive ground (record expunged; education term served or ended early). Counts of
 * people (cases), never supports or reads; each at the commune that held the file at the time.
 */
export async function reintegrationFigures(
  db: Db,
  q: Subtree & { from: string; to: string },
): Promise<{ reeducated: number; helped: number; reformed: number }> {
  const [row] = await queryRows<{ reeducated: number; reformed: number }>(
    db,
    sql`select
        count(distinct c.id) filter (where c.kind = 'commune_education' and c.reported_in_on <= ${q.to}::date
          and (c.closed_on is null or c.closed_on >= ${q.from}::date)
          and h.held_from <= ${q.to}::date and (h.held_until is null or h.held_until > ${q.from}::date))::int as reeducated,
        count(distinct c.id) filter (where c.outcome in ('expunged', 'completed', 'ended_early')
          and c.closed_on between ${q.from}::date and ${q.to}::date and ${heldOn(sql`c.closed_on`)})::int as reformed
      from case_holdings h join cases c on c.id = h.case_id where ${holdingIn(q)}`,
  );
  // Support is counted where it was given (each support row keeps the path of its time).
  const [helped] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct s.case_id)::int as n from case_supports s
        where ${caseRowIn(q, { rollupPath: sql`s.rollup_path`, caseId: sql`s.case_id`, on: sql`s.provided_on` })}
          and s.provided_on between ${q.from}::date and ${q.to}::date`,
  );
  return { reeducated: row?.reeducated ?? 0, helped: helped?.n ?? 0, reformed: row?.reformed ?? 0 };
}
