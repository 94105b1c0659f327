import { addDays, differenceInCalendarDays, format, isWeekend, parseISO } from "date-fns";

/**
 * Working-day arithmetic for legal clocks ("within 3 working days of …"). Dates are calendar dates
 * (`yyyy-MM-dd`), never instants, so a time zone cannot move a deadline.
 *
 * A calendar is configuration data: the public holidays that fall on weekdays, and the Saturdays
 * or Sundays that the Government turned into working days (make-up days, "làm bù").
 */
export type WorkingCalendar = {
  /** Weekdays that are days off (holidays, days added to a holiday, compensatory days). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days. */
  workingWeekends: ReadonlySet<string>;
};

type DateInput = string | Date;

const toDate = (d: DateInput) => (typeof d === "string" ? parseISO(d) : d);
const iso = (d: Date) => format(d, "yyyy-MM-dd");

export function isWorkingDay(date: DateInput, calendar: WorkingCalendar): boolean {
  const d = toDate(date);
  const key = iso(d);
  if (calendar.workingWeekends.has(key)) return true;
  return !isWeekend(d) && !calendar.holidays.has(key);
}

/**
 * The date `n` working days after `date` (n ≥ 0). The start day itself never counts: "within 3
 * working days of a Friday meeting" ends on the Wednesday after. With n = 0 the date is returned.
 */
export function addWorkingDays(date: DateInput, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a whole number ≥ 0");
  let d = toDate(date);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return iso(d);
}

/**
 * Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`.
 * So `workingDaysBetween(today, deadline)` is the number of working days left, 0 on the deadline
 * itself, and below zero once it has passed.
 */
export function workingDaysBetween(from: DateInput, to: DateInput, calendar: WorkingCalendar): number {
  const a = toDate(from);
  const b = toDate(to);
  const span = differenceInCalendarDays(b, a);
  const sign = span < 0 ? -1 : 1;
  let count = 0;
  for (let i = 1; i <= Math.abs(span); i += 1) {
    const d = addDays(sign > 0 ? a : b, i);
    if (isWorkingDay(d, calendar)) count += 1;
  }
  // Going backwards, count the days after `to` up to and including `from`.
  return sign * count;
}

export type HolidayEntry = {
  date: string;
  name: string;
  /** official: announced by the Government / Ministry; projected: by the usual pattern, to confirm. */
  confidence: "official" | "projected";
};

/**
 * Vietnamese days off for State bodies, 2025–2027 (Labour Code 2019 Art. 112 as amended by
 * Resolution 2025 adding one day at National Day; annual notices of the Ministry of Home Affairs /
 * Labour). Only weekdays are listed; weekends are off anyway. Projected entries must be checked
 * against the official notice for that year and updated here.
 */
export const VIETNAM_DAYS_OFF: HolidayEntry[] = [
  // 2025 — Notice of MOLISA on Tết Ất Tỵ; Official Letter on 30/4 swap; 2/9 with the added day.
  { date: "2025-01-01", name: "Tết Dương lịch", confidence: "official" },
  { date: "2025-01-27", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-28", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-29", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-30", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-31", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-04-07", name: "Giỗ Tổ Hùng Vương", confidence: "official" },
  { date: "2025-04-30", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  { date: "2025-05-01", name: "Ngày Quốc tế Lao động", confidence: "official" },
  { date: "2025-05-02", name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04)", confidence: "official" },
  { date: "2025-09-01", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "official" },
  { date: "2025-09-02", name: "Quốc khánh", confidence: "official" },
  // 2026
  { date: "2026-01-01", name: "Tết Dương lịch", confidence: "official" },
  { date: "2026-02-16", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-17", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-18", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-19", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-20", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-04-27", name: "Giỗ Tổ Hùng Vương (nghỉ bù, 26/04 là Chủ nhật)", confidence: "projected" },
  { date: "2026-04-30", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  { date: "2026-05-01", name: "Ngày Quốc tế Lao động", confidence: "official" },
  { date: "2026-09-01", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "projected" },
  { date: "2026-09-02", name: "Quốc khánh", confidence: "official" },
  // 2027 — projected by the usual pattern; confirm with the 2027 notices.
  { date: "2027-01-01", name: "Tết Dương lịch", confidence: "official" },
  { date: "2027-02-04", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-05", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-08", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-09", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-10", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-04-16", name: "Giỗ Tổ Hùng Vương", confidence: "projected" },
  { date: "2027-04-30", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  { date: "2027-05-03", name: "Ngày Quốc tế Lao động (nghỉ bù, 01/05 là thứ Bảy)", confidence: "official" },
  { date: "2027-09-02", name: "Quốc khánh", confidence: "official" },
  { date: "2027-09-03", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "projected" },
];

/** Weekend days worked in exchange for a day off. */
export const VIETNAM_WORKING_WEEKENDS: HolidayEntry[] = [
  { date: "2025-04-26", name: "Làm bù cho thứ Sáu 02/05/2025", confidence: "official" },
];

export const VIETNAM_CALENDAR: WorkingCalendar = {
  holidays: new Set(VIETNAM_DAYS_OFF.map((h) => h.date)),
  workingWeekends: new Set(VIETNAM_WORKING_WEEKENDS.map((h) => h.date)),
};

/** Years the built-in calendar covers; outside them only weekends are known. */
export const VIETNAM_CALENDAR_YEARS = [2025, 2026, 2027] as const;
