/**
 * Reporting periods — month, quarter, half-year, year — as date ranges and with the labels the
 * movement's documents use: "Tháng 3/2026", "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026".
 */
import { daysInMonth } from "./days";

export const PERIOD_KINDS = ["month", "quarter", "half", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  kind: PeriodKind;
  year: number;
  /** 1-based: month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  index: number;
  /** First day, `yyyy-MM-dd`. */
  from: string;
  /** Last day, `yyyy-MM-dd` (inclusive). */
  to: string;
};

const MONTHS_PER: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const pad = (n: number) => String(n).padStart(2, "0");

/** The period of a kind by its year and index; throws on an index out of range. */
export function period(kind: PeriodKind, year: number, index = 1): Period {
  if (!Number.isInteger(year) || !Number.isInteger(index) || index < 1 || index > COUNT[kind]) {
    throw new RangeError(`No ${kind} ${index} in ${year}`);
  }
  const firstMonth = (index - 1) * MONTHS_PER[kind] + 1;
  const lastMonth = firstMonth + MONTHS_PER[kind] - 1;
  return {
    kind,
    year,
    index,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}

/** The period of a kind that holds a date (`yyyy-MM-dd`). */
export function periodOf(kind: PeriodKind, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return period(kind, year, Math.floor((month - 1) / MONTHS_PER[kind]) + 1);
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** The period's name in a document's heading, in Vietnamese (default) or English. */
export function periodLabel(p: Pick<Period, "kind" | "year" | "index">, locale: "vi" | "en" = "vi"): string {
  if (locale === "en") {
    switch (p.kind) {
      case "month":
        return `${new Date(Date.UTC(p.year, p.index - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${p.year}`;
      case "quarter":
        return `Q${p.index} ${p.year}`;
      case "half":
        return `${p.index === 1 ? "First" : "Second"} half of ${p.year}`;
      case "year":
        return `${p.year}`;
    }
  }
  switch (p.kind) {
    case "month":
      return `Tháng ${p.index}/${p.year}`;
    case "quarter":
      return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case "half":
      return `6 tháng ${p.index === 1 ? "đầu" : "cuối"} năm ${p.year}`;
    case "year":
      return `Năm ${p.year}`;
  }
}
