// Periods as people read them ("Quý III/2026", "6 tháng đầu năm 2026"); "2026-Q3", "2026-H1" are
// only the keys the server stores and reads.
import { period, periodLabel, periodOf, todayInVietnam, type PeriodKind } from "@toandan/contracts";

type Lang = "vi" | "en";
type Option = { value: string; label: string };

/** "2026-Q3" (the stored key) as people read it: "Quý III/2026". */
export function quarterText(key: string, lang: Lang): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? periodLabel({ kind: "quarter", year: Number(m[1]), index: Number(m[2]) }, lang) : key;
}

/** A report's key as people read it: "Quý III/2026", or "Tháng 11/2026" for a monthly report. */
export function periodText(key: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m
    ? periodLabel({ kind: "month", year: Number(m[1]), index: Number(m[2]) }, lang)
    : quarterText(key, lang);
}

/** This quarter and the seven before it, newest first, for the report and classification forms. */
export function recentQuarters(lang: Lang): Option[] {
  return recentPeriods("quarter", lang, 8);
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const keyOf = (kind: PeriodKind, year: number, index: number) =>
  kind === "year"
    ? String(year)
    : kind === "half"
      ? `${year}-H${index}`
      : kind === "quarter"
        ? `${year}-Q${index}`
        : `${year}-${String(index).padStart(2, "0")}`;

/** The current period of a kind and the ones before it, newest first, keyed as the server reads them. */
export function recentPeriods(kind: PeriodKind, lang: Lang, count: number): Option[] {
  const now = periodOf(kind, todayInVietnam());
  const per = PER_YEAR[kind];
  return Array.from({ length: count }, (_, i) => {
    const n = now.year * per + now.index - 1 - i;
    const p = period(kind, Math.floor(n / per), (n % per) + 1);
    return { value: keyOf(kind, p.year, p.index), label: periodLabel(p, lang) };
  });
}
