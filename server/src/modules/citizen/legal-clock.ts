import { addWorkingDays, clockNow, dateInVietnam, endOfVietnamDay, type Clock } from "@toandan/contracts";
import { addDays, addHours, addMonths, differenceInCalendarDays } from "date-fns";

/**
 * The legal clocks of a crime report (domain-rules §3): Joint Circular 01/2017 Art. 8.5 (transfer
 * by commune police within 24 hours for urgent reports, 48 in remote communes, 7 days otherwise),
 * Art. 14 (written notice of receipt within 3 working days; of the outcome within 3 days) and CPC
 * Art. 147 (a decision within 20 days; extensions to 2 months, then 2 more months), Art. 148.2 (a
 * suspension sent to the procuracy and the reporter within 24 hours) and Art. 149.1 (after a
 * resumption, at most 1 month more). Times are Vietnam time (UTC+7, no DST).
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
  /** A case opened or not opened (CPC Art. 147.1 a–b): the final decisions. */
  decidedAt: Date | null;
  extensionLevel: number;
  /**
   * The transfer clock binds the commune police who received the tip (JC 01/2017 Art. 8.5); a tip
   * received by the investigation agency itself has none. Default: applies.
   */
  transferApplies?: boolean;
  /**
   * When the investigation agency itself decided on the tip (opened, not opened or suspended):
   * the tip is then in its hands, which is what the transfer is for. Commune police may not make
   * these decisions (CPC Art. 146.3, 147.1), so a commune's own record never meets the clock.
   */
  agencyHandledAt?: Date | null;
  /** The first suspension: the third decision of Art. 147.1, it stops the decision clock. */
  firstSuspendedAt?: Date | null;
  /** The latest suspension and resumption (Art. 148, 149). */
  suspendedAt?: Date | null;
  resumedAt?: Date | null;
  /** When the latest suspension had reached both the procuracy and the reporter (Art. 148.2). */
  suspensionNoticedAt?: Date | null;
  /** When the reporter was told the outcome (JC 01/2017 Art. 14). */
  outcomeNoticedAt?: Date | null;
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

/** Suspension notice: 24 hours after the suspension (CPC Art. 148.2). */
export function suspensionNoticeDue(suspendedAt: Date): Date {
  return addHours(suspendedAt, 24);
}

/** After a resumption: at most 1 month more (CPC Art. 149.1). */
export function resumedDecisionDue(resumedAt: Date): Date {
  return addMonths(resumedAt, 1);
}

/**
 * Notice of the outcome: within 3 days of the decision (JC 01/2017 Art. 14), read as calendar
 * days ending with the 3rd day after the day of the decision. [?] Whether the Circular means
 * working days was not checked; the notice of receipt is the one it states in working days.
 */
export function outcomeNoticeDue(decidedAt: Date): Date {
  return endOfVietnamDay(dateInVietnam(addDays(decidedAt, 3)));
}

/** Decision: 20 days; extended to 2 months from receipt, then 2 more months. */
export function decisionDue(receivedHour: Date, extensionLevel: number): Date {
  if (extensionLevel >= 2) return addMonths(receivedHour, 4);
  if (extensionLevel === 1) return addMonths(receivedHour, 2);
  return addDays(receivedHour, 20);
}

const earliest = (...ds: (Date | null | undefined)[]): Date | null =>
  ds.filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

export function clocksOf(t: ClockInput, now: Date = clockNow()): Clock[] {
  const clocks: Clock[] = [];
  // Met by the transfer (or the agency's own decision), never by a commune's record (CPC Art.
  // 146.3; JC 01/2017 Art. 8.5).
  if (t.transferApplies !== false) {
    clocks.push(clock("transfer", transferDue(t), t.transferredAt ?? t.agencyHandledAt ?? null, now));
  }
  clocks.push(clock("receipt_notice", receiptNoticeDue(t.receivedHour), t.receiptNoticeAt, now));
  // Any of the three decisions of Art. 147.1 (open, not open, suspend) meets it.
  clocks.push(
    clock(
      "decision",
      decisionDue(t.receivedHour, t.extensionLevel),
      earliest(t.decidedAt, t.firstSuspendedAt),
      now,
    ),
  );
  if (t.suspendedAt) {
    clocks.push(
      clock("suspension_notice", suspensionNoticeDue(t.suspendedAt), t.suspensionNoticedAt ?? null, now),
    );
  }
  if (t.resumedAt) {
    const resumedAt = t.resumedAt;
    const after = (d: Date | null | undefined) => (d && d.getTime() >= resumedAt.getTime() ? d : null);
    clocks.push(
      clock(
        "resumed_decision",
        resumedDecisionDue(resumedAt),
        earliest(after(t.decidedAt), after(t.suspendedAt)),
        now,
      ),
    );
  }
  if (t.decidedAt) {
    clocks.push(clock("outcome_notice", outcomeNoticeDue(t.decidedAt), t.outcomeNoticedAt ?? null, now));
  }
  return clocks;
}
