import {
  addWorkingDays,
  FEEDBACK_CLOCK_RULES as RULES,
  todayInVietnam,
  workingDaysBetween,
  type FeedbackClocks,
} from "@toandan/contracts";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";

const plusDays = (date: string, n: number) => format(addDays(parseISO(date), n), "yyyy-MM-dd");
const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

/** Law on Citizen Reception 2013 Art. 28: the sender is told within 10 working days of receipt. */
export const acceptanceDueOf = (receivedOn: string) =>
  addWorkingDays(receivedOn, RULES.acceptanceWorkingDays);

/**
 * The handling due date stored with an item. A petition or feedback: the configured working days
 * from receipt. A denunciation: Law on Denunciations 2018 Art. 30, 30 days from acceptance — until
 * accepted, counted from the last day acceptance may be notified (provisional).
 */
export function handlingDueOf(kind: string, receivedOn: string, feedbackWorkingDays: number): string {
  if (kind === "to_cao") return plusDays(acceptanceDueOf(receivedOn), RULES.denunciationDays);
  return addWorkingDays(receivedOn, feedbackWorkingDays);
}

/** A denunciation accepted on `acceptedOn` is due 30 days later (Law on Denunciations 2018 Art. 30). */
export const denunciationDueFrom = (acceptedOn: string) => plusDays(acceptedOn, RULES.denunciationDays);

export type ClockFacts = {
  kind: string;
  receivedOn: string;
  dueOn: string;
  answeredOn: string | null;
  acceptanceDueOn: string | null;
  acceptance: string | null;
  acceptanceNoticedOn: string | null;
};

/** Both clocks of an item as the officer reads them, with their legal basis. */
export function clocksOf(f: ClockFacts, today = todayInVietnam()): FeedbackClocks {
  const acceptanceDue = f.acceptanceDueOn ?? acceptanceDueOf(f.receivedOn);
  // An answer, transfer or refusal sent before a separate notice also tells the sender.
  const acceptanceDone = f.acceptanceNoticedOn ?? f.answeredOn;
  const acceptanceLeft = acceptanceDone ? null : workingDaysBetween(today, acceptanceDue);
  const acceptance = {
    dueOn: acceptanceDue,
    length: RULES.acceptanceWorkingDays,
    unit: "working_days" as const,
    doneOn: acceptanceDone,
    daysLeft: acceptanceLeft,
    overdue: acceptanceDone ? acceptanceDone > acceptanceDue : acceptanceLeft! < 0,
    provisional: false,
    basis: RULES.acceptanceBasis,
  };
  if (f.acceptance === "not_accepted") return { acceptance, handling: null };
  const denunciation = f.kind === "to_cao";
  const left = f.answeredOn
    ? null
    : denunciation
      ? daysBetween(today, f.dueOn)
      : workingDaysBetween(today, f.dueOn);
  return {
    acceptance,
    handling: {
      dueOn: f.dueOn,
      length: denunciation ? RULES.denunciationDays : workingDaysBetween(f.receivedOn, f.dueOn),
      unit: denunciation ? "days" : "working_days",
      doneOn: f.answeredOn,
      daysLeft: left,
      overdue: f.answeredOn ? f.answeredOn > f.dueOn : left! < 0,
      provisional: denunciation && f.acceptance !== "accepted",
      basis: denunciation
        ? RULES.denunciationBasis
        : RULES.feedbackBasis(workingDaysBetween(f.receivedOn, f.dueOn)),
    },
  };
}
