import { addDays, differenceInCalendarDays, format, isWeekend, parseISO } from "date-fns";
import { VIETNAM_CALENDAR_DAYS, type CalendarDay } from "./holidays";

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

export function isWorkingDay(date: DateInput, calendar: WorkingCalendar = activeCalendar()): boolean {
  const d = toDate(date);
  const key = iso(d);
  if (calendar.workingWeekends.has(key)) return true;
  return !isWeekend(d) && !calendar.holidays.has(key);
}

/**
 * The date `n` working days after `date` (n ≥ 0). The start day itself never counts: "within 3
 * working days of a Friday meeting" ends on the Wednesday after. With n = 0 the date is returned.
 */
export function addWorkingDays(
  date: DateInput,
  n: number,
  calendar: WorkingCalendar = activeCalendar(),
): string {
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
export function workingDaysBetween(
  from: DateInput,
  to: DateInput,
  calendar: WorkingCalendar = activeCalendar(),
): number {
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

/** Weekdays off in the one table (holidays and swapped days). */
export const VIETNAM_DAYS_OFF = VIETNAM_CALENDAR_DAYS.filter((d) => d.kind === "day_off");
/** Weekend days worked in exchange for a day off. */
export const VIETNAM_WORKING_WEEKENDS = VIETNAM_CALENDAR_DAYS.filter((d) => d.kind === "working_weekend");

/** The calendar of the given days (the shipped table, or the rows an administrator maintains). */
export function calendarOf(days: readonly Pick<CalendarDay, "date" | "kind">[]): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === "day_off").map((d) => d.date)),
    workingWeekends: new Set(days.filter((d) => d.kind === "working_weekend").map((d) => d.date)),
  };
}

/** The shipped table (2025–2027): the seed of the server's calendar, and the fallback before it loads. */
export const VIETNAM_CALENDAR: WorkingCalendar = calendarOf(VIETNAM_CALENDAR_DAYS);

let active: WorkingCalendar = VIETNAM_CALENDAR;

/**
 * The calendar every working-day computation uses when none is passed. The server sets it from the
 * holidays table an administrator maintains (at start, after each change, and periodically); the
 * web console from `listHolidays`; tests may set their own. `null` restores the shipped table.
 */
export function setWorkingCalendar(calendar: WorkingCalendar | null): void {
  active = calendar ?? VIETNAM_CALENDAR;
}

/** The calendar in force (see setWorkingCalendar). */
export function activeCalendar(): WorkingCalendar {
  return active;
}
