/**
 * The evaluation year of the grassroots security and order teams (Tổ bảo vệ an ninh, trật tự ở cơ
 * sở): Hướng dẫn 01/HD-BCA-V05 of the Ministry of Public Security evaluates teams and members "from
 * 15/11 of the previous year to 14/11 of the year of evaluation". Year 2026 runs 15/11/2025 –
 * 14/11/2026. Dates are Vietnam calendar dates (`yyyy-MM-dd`, see clock.ts).
 */
import { addDays } from "./days";

export type EvaluationYear = {
  year: number;
  /** 15/11 of the previous year. */
  from: string;
  /** 14/11 of the year (inclusive). */
  to: string;
};

/** The evaluation year by its number; throws on a year that is not an integer. */
export function evaluationYear(year: number): EvaluationYear {
  if (!Number.isInteger(year)) throw new RangeError(`No evaluation year ${year}`);
  return { year, from: `${year - 1}-11-15`, to: `${year}-11-14` };
}

/** The evaluation year that holds a date: 15/11 and later belong to the next year's. */
export function evaluationYearOf(isoDate: string): EvaluationYear {
  const year = Number(isoDate.slice(0, 4));
  return evaluationYear(isoDate.slice(5) >= "11-15" ? year + 1 : year);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "Năm đánh giá 2026 (15/11/2025 – 14/11/2026)", or in English. */
export function evaluationYearLabel(year: number, locale: "vi" | "en" = "vi"): string {
  const y = evaluationYear(year);
  return locale === "en"
    ? `Evaluation year ${year} (${dmy(y.from)} – ${dmy(y.to)})`
    : `Năm đánh giá ${year} (${dmy(y.from)} – ${dmy(y.to)})`;
}

/**
 * Whole months from `from` to `to`, both days counted: 15/11/2025 – 14/08/2026 is 9 months,
 * 15/11/2025 – 13/08/2026 is 8. Zero when `to` is before `from`. A month ends on the day before
 * the same day-of-month; a month from the 31st of January is complete at the end of February.
 */
export function wholeMonthsServed(from: string, to: string): number {
  if (to < from) return 0;
  const next = new Date(`${addDays(to, 1)}T00:00:00Z`); // the day after `to`: the end, exclusive
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  let months = (next.getUTCFullYear() - fy) * 12 + (next.getUTCMonth() + 1 - fm);
  if (next.getUTCDate() < fd) months -= 1;
  return Math.max(0, months);
}
