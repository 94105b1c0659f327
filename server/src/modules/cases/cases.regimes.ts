import {
  addWorkingDays,
  CASE_OUTCOMES_BY_KIND,
  CASE_TRANSFER_DEADLINES,
  EDUCATION_DEADLINES,
  type CaseKind,
  type CaseOutcome,
} from "@toandan/contracts";
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from "date-fns";
import { caseDueDates } from "./cases.deadlines";

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/**
 * The clocks of a new file by its regime. Released prisoners: Circular 10/2024 Art. 10.3 and 11,
 * counted from the reporting-in meeting. Education at the commune: Decree 120/2021/NĐ-CP, counted
 * from the commune chairman's decision — every figure of EDUCATION_DEADLINES is [?] configuration.
 * People with social evils, drug users and people educated before the community: the domain rules
 * hold no clocks for them [?]; Circular 10/2024's (a body assigned within 3 working days, the file
 * within 5) are used by analogy, as a commune cadre would run them.
 */
export function dueDatesFor(
  kind: CaseKind,
  b: { reportedInOn: string; releaseOrDecisionDate: string; measureMonths?: number },
) {
  if (kind !== "commune_education") {
    return { ...caseDueDates(b.reportedInOn), measureMonths: null, measureEndsOn: null, earlyEndFrom: null };
  }
  const months = b.measureMonths ?? EDUCATION_DEADLINES.minMonths;
  const decided = parseISO(b.releaseOrDecisionDate);
  // The term runs from the decision [?]: it ends the day before the same date `months` later.
  const ends = addDays(addMonths(decided, months), -1);
  const half = Math.ceil(differenceInCalendarDays(ends, decided) * EDUCATION_DEADLINES.earlyEndShare);
  return {
    assignDueOn: addWorkingDays(b.releaseOrDecisionDate, EDUCATION_DEADLINES.assignWorkingDays),
    fileDueOn: addWorkingDays(b.releaseOrDecisionDate, EDUCATION_DEADLINES.planWorkingDays),
    measureMonths: months,
    measureEndsOn: iso(ends),
    earlyEndFrom: iso(addDays(decided, half)),
  };
}

/** A move's clocks from the day the file is sent (Circular 10/2024 Art. 15; Art. 8 by analogy [?]). */
export const transferDueDates = (transferredOn: string) => ({
  receiveDueOn: addWorkingDays(transferredOn, CASE_TRANSFER_DEADLINES.receiveWorkingDays),
  residenceCheckDueOn: addWorkingDays(transferredOn, CASE_TRANSFER_DEADLINES.residenceCheckWorkingDays),
});

/** The receiving commune's chairman assigns anew within 3 working days of receipt [?] (Art. 10.3 by analogy). */
export const reassignDueOn = (receivedOn: string) =>
  addWorkingDays(receivedOn, CASE_TRANSFER_DEADLINES.reassignWorkingDays);

/** "2026-11" of a date. */
export const monthOf = (d: string) => d.slice(0, 7);

/**
 * Education at the commune: the supervisor reports monthly, by day 5 of the next month [?]
 * (Decree 120/2021). The due date of the earliest month since the assignment without a report,
 * or null once the term has ended.
 */
export function nextMonthReportDue(
  decidedOn: string,
  reported: readonly string[],
  measureEndsOn: string | null,
): string | null {
  const done = new Set(reported);
  let month = parseISO(`${monthOf(decidedOn)}-01`);
  while (done.has(iso(month).slice(0, 7))) month = addMonths(month, 1);
  if (measureEndsOn && iso(month) > measureEndsOn) return null;
  const day = String(EDUCATION_DEADLINES.monthReportDay).padStart(2, "0");
  return `${iso(addMonths(month, 1)).slice(0, 7)}-${day}`;
}

/** The grounds a file of this kind may be closed on: the legal ones less "moved" (that is a transfer). */
export const closeOutcomesFor = (kind: CaseKind): CaseOutcome[] =>
  CASE_OUTCOMES_BY_KIND[kind].filter((o) => o !== "moved");
