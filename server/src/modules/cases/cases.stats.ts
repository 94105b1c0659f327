import { SMALL_CELL_THRESHOLD, type CaseStats, type CaseStatsQuery } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

export type CaseFigures = CaseStats["figures"];
type Counts = { [K in keyof CaseFigures]: number };

/**
 * Case figures of a subtree over a period (HCD-12 monthly, HCD-13 quarterly / half-yearly / yearly):
 * counts only, no personal data. The indicator registry calls this.
 */
export async function caseStatistics(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string },
): Promise<Counts> {
  const prefix = `${q.rollupPathPrefix}%`;
  const [c] = await queryRows<Counts>(
    db,
    sql`select
        count(*) filter (where c.reported_in_on <= ${q.to}::date and (c.closed_on is null or c.closed_on > ${q.to}::date))::int as "underManagement",
        count(*) filter (where c.reported_in_on between ${q.from}::date and ${q.to}::date)::int as "newInPeriod",
        count(*) filter (where c.closed_on between ${q.from}::date and ${q.to}::date)::int as "closedInPeriod",
        count(*) filter (where c.assign_due_on between ${q.from}::date and ${q.to}::date
          and (c.decided_on is null or c.decided_on > c.assign_due_on))::int as "assignedLate",
        count(*) filter (where c.closed_on between ${q.from}::date and ${q.to}::date and c.outcome = 'reintegrated')::int as "reintegrated",
        count(*) filter (where c.closed_on between ${q.from}::date and ${q.to}::date and c.outcome = 'reoffended')::int as "reoffended",
        count(*) filter (where c.closed_on between ${q.from}::date and ${q.to}::date and c.outcome = 'moved_away')::int as "movedAway",
        count(*) filter (where c.closed_on between ${q.from}::date and ${q.to}::date and c.outcome = 'died')::int as "died"
      from cases c where c.rollup_path like ${prefix}`,
  );
  // Each case counts once, in the group of its latest classification made in the period.
  const groups = await queryRows<{ group: string; n: number }>(
    db,
    sql`select g."group", count(*)::int as n from (
          select distinct on (k.case_id) k.case_id, k."group" from case_classifications k
          where k.rollup_path like ${prefix} and k.classified_on between ${q.from}::date and ${q.to}::date
          order by k.case_id, k.quarter desc) g group by g."group"`,
  );
  const [s] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_supports s
        where s.rollup_path like ${prefix} and s.provided_on between ${q.from}::date and ${q.to}::date`,
  );
  const g = (k: string) => groups.find((r) => r.group === k)?.n ?? 0;
  return { ...c!, groupA: g("A"), groupB: g("B"), groupC: g("C"), groupD: g("D"), supports: s?.n ?? 0 };
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
 * with reintegration in it. Counts of people (cases), never supports or reads.
 */
export async function reintegrationFigures(
  db: Db,
  q: { rollupPathPrefix: string; from: string; to: string },
): Promise<{ reeducated: number; helped: number; reformed: number }> {
  const prefix = `${q.rollupPathPrefix}%`;
  const [row] = await queryRows<{ reeducated: number; helped: number; reformed: number }>(
    db,
    sql`select
        count(*) filter (where c.kind = 'commune_education' and c.reported_in_on <= ${q.to}::date
          and (c.closed_on is null or c.closed_on >= ${q.from}::date))::int as reeducated,
        count(*) filter (where exists (select 1 from case_supports s where s.case_id = c.id
          and s.provided_on between ${q.from}::date and ${q.to}::date))::int as helped,
        count(*) filter (where c.outcome = 'reintegrated'
          and c.closed_on between ${q.from}::date and ${q.to}::date)::int as reformed
      from cases c where c.rollup_path like ${prefix}`,
  );
  return row ?? { reeducated: 0, helped: 0, reformed: 0 };
}
