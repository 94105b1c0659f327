import { addWorkingDays, clockNow, dateInVietnam, endOfVietnamDay, type Clock } from "@toandan/contracts";
import { addDays, addHours, addMonths, differenceInCalendarDays } from "date-fns";

/**
 * The legal clocks of a crime report (domain-rules §3): Joint Circular 01/2017 Art. 8.5 (transfer
 * by commune police within 24 hours for urgent reports, 48 in remote communes, 7 days otherwise),
 * Art. 14 (written notice of receipt within 3 working days) and CPC Art. 147 (a decision within 20
 * days; extensions to 2 months, then 2 more months). Times are Vietnam time (UTC+7, no DST).
 */

/** Whole calendar days from one Vietnam date to another. */
function daysBetween(fromIso: string, toIso: string): number {
  return differenceInCalendarDays(new Date(`${toIso}T12:00:00Z`), new Date(`${fromIso}T12:00:00Z`));
}

/** Truncates an instant to its hour: all a tip keeps of its time of receipt. */
export function truncateToHour(at: Date): Date {
  const d = new Date(at);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

export type ClockInput = {
  receivedHour: Date;
  urgency: "urgent" | "normal" | null;
  remote: boolean;
  transferredAt: Date | null;
  receiptNoticeAt: Date | null;
  decidedAt: Date | null;
  extensionLevel: number;
};

function clock(kind: Clock["kind"], due: Date, metAt: Date | null, now: Date): Clock {
  const met = metAt !== null;
  const overdue = met ? metAt.getTime() > due.getTime() : now.getTime() > due.getTime();
  const daysLeft = met ? null : daysBetween(dateInVietnam(now), dateInVietnam(due));
  return { kind, dueAt: due.toISOString(), met, daysLeft, overdue };
}

/** Due instant of the transfer clock; an untriaged tip is held to the urgent limit. */
export function transferDue(t: Pick<ClockInput, "receivedHour" | "urgency" | "remote">): Date {
  if (t.urgency === "normal") return addDays(t.receivedHour, 7);
  return addHours(t.receivedHour, t.remote ? 48 : 24);
}

/** Notice of receipt: by the end of the 3rd working day after the day of receipt. */
export function receiptNoticeDue(receivedHour: Date): Date {
  return endOfVietnamDay(addWorkingDays(dateInVietnam(receivedHour), 3));
}

/** Decision: 20 days; extended to 2 months from receipt, then 2 more months. */
export function decisionDue(receivedHour: Date, extensionLevel: number): Date {
  if (extensionLevel >= 2) return addMonths(receivedHour, 4);
  if (extensionLevel === 1) return addMonths(receivedHour, 2);
  return addDays(receivedHour, 20);
}

export function clocksOf(t: ClockInput, now: Date = clockNow()): Clock[] {
  return [
    clock("transfer", transferDue(t), t.transferredAt ?? t.decidedAt, now),
    clock("receipt_notice", receiptNoticeDue(t.receivedHour), t.receiptNoticeAt, now),
    clock("decision", decisionDue(t.receivedHour, t.extensionLevel), t.decidedAt, now),
  ];
}
