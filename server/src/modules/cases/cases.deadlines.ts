import {
  addWorkingDays,
  CASE_DEADLINES,
  VIETNAM_CALENDAR,
  workingDaysBetween,
  type Deadline,
  type WorkingCalendar,
} from "@toandan/contracts";
import { addQuarters, format, getQuarter, parseISO, setDate, startOfQuarter } from "date-fns";

/** Due dates counted from the reporting-in meeting (Circular 10/2024 Art. 10.3 and 11). */
export function caseDueDates(reportedInOn: string, calendar: WorkingCalendar = VIETNAM_CALENDAR) {
  return {
    assignDueOn: addWorkingDays(reportedInOn, CASE_DEADLINES.assignWorkingDays, calendar),
    fileDueOn: addWorkingDays(reportedInOn, CASE_DEADLINES.openFileWorkingDays, calendar),
  };
}

export function deadline(
  dueOn: string,
  doneOn: string | null,
  today: string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Deadline {
  return { dueOn, doneOn, workingDaysLeft: doneOn ? null : workingDaysBetween(today, dueOn, calendar) };
}

/** "2026-Q1" of a date. */
export const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${getQuarter(parseISO(d))}`;

/** First day of a "2026-Q1" quarter. */
export const quarterStart = (q: string) =>
  `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`;

/**
 * The report on quarter Q is due by day 5 of the first month of the next quarter (Circular 10/2024
 * Art. 10.4). Returns the due date of the earliest quarter since the assignment without a report.
 */
export function nextQuarterReportDue(decidedOn: string, reported: readonly string[]): string {
  let q = startOfQuarter(parseISO(decidedOn));
  for (;;) {
    const label = quarterOf(format(q, "yyyy-MM-dd"));
    if (!reported.includes(label)) {
      return format(setDate(addQuarters(q, 1), CASE_DEADLINES.quarterReportDay), "yyyy-MM-dd");
    }
    q = addQuarters(q, 1);
  }
}
