import {
  addWorkingDays,
  periodOf,
  CASE_DEADLINES,
  activeCalendar,
  workingDaysBetween,
  type Deadline,
  type WorkingCalendar,
} from "@toandan/contracts";

/** Due dates counted from the reporting-in meeting (Circular 10/2024 Art. 10.3 and 11). */
export function caseDueDates(reportedInOn: string, calendar: WorkingCalendar = activeCalendar()) {
  return {
    assignDueOn: addWorkingDays(reportedInOn, CASE_DEADLINES.assignWorkingDays, calendar),
    fileDueOn: addWorkingDays(reportedInOn, CASE_DEADLINES.openFileWorkingDays, calendar),
  };
}

/**
 * `workingDaysBetween` walks the days one by one (~1 ms for a year on this machine), and a list page
 * asks it twice per file: the answers are kept per calendar (a maintained calendar is a new object,
 * so a change of holidays starts afresh) and per (today, due date), up to MEMO_ENTRIES of them.
 */
const MEMO_ENTRIES = 20_000;
const daysLeftMemo = new WeakMap<WorkingCalendar, Map<string, number>>();

function workingDaysLeft(today: string, dueOn: string, calendar: WorkingCalendar): number {
  let memo = daysLeftMemo.get(calendar);
  if (!memo) daysLeftMemo.set(calendar, (memo = new Map<string, number>()));
  const key = `${today}|${dueOn}`;
  let left = memo.get(key);
  if (left === undefined) {
    left = workingDaysBetween(today, dueOn, calendar);
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(key, left);
  }
  return left;
}

export function deadline(
  dueOn: string,
  doneOn: string | null,
  today: string,
  calendar: WorkingCalendar = activeCalendar(),
): Deadline {
  return { dueOn, doneOn, workingDaysLeft: doneOn ? null : workingDaysLeft(today, dueOn, calendar) };
}

/** "2026-Q1" of a date (the key stored with a quarterly report). */
export const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${periodOf("quarter", d).index}`;

/** First day of a "2026-Q1" quarter. */
export const quarterStart = (q: string) =>
  `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`;

/** A quarter as one number (year × 4 + quarter − 1), to count quarters. */
export const quarterIndex = (d: string) => Number(d.slice(0, 4)) * 4 + periodOf("quarter", d).index - 1;

/** The day the report on the quarter numbered `index` is due: day 5 of the next quarter's first month. */
function reportDueOn(index: number): string {
  const next = index + 1;
  const month = (next % 4) * 3 + 1;
  const day = String(CASE_DEADLINES.quarterReportDay).padStart(2, "0");
  return `${Math.floor(next / 4)}-${String(month).padStart(2, "0")}-${day}`;
}

/**
 * The report on quarter Q is due by day 5 of the first month of the next quarter (Circular 10/2024
 * Art. 10.4). Returns the due date of the earliest quarter since the assignment without a report.
 */
export function nextQuarterReportDue(decidedOn: string, reported: readonly string[]): string {
  const done = new Set(reported);
  let index = quarterIndex(decidedOn);
  while (done.has(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)) index += 1;
  return reportDueOn(index);
}

/**
 * The last quarter whose report is due before `today` (a report is late from the day after its due
 * day), as a quarterIndex: a file whose reports since its assignment quarter up to this one are
 * incomplete is overdue.
 */
export function lastQuarterDueBefore(today: string): number {
  let index = quarterIndex(today);
  while (reportDueOn(index) >= today) index -= 1;
  return index;
}
