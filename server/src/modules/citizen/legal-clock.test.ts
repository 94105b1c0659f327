import { describe, expect, it } from "vitest";
import { addWorkingDays, dateInVietnam, isWorkingDay, VIETNAM_DAYS_OFF } from "@toandan/contracts";
import {
  clocksOf,
  decisionDue,
  outcomeNoticeDue,
  receiptNoticeDue,
  resumedDecisionDue,
  suspensionNoticeDue,
  transferDue,
  truncateToHour,
  type ClockInput,
} from "./legal-clock";

const at = (s: string) => new Date(s);
const base: ClockInput = {
  receivedHour: at("2026-03-02T10:00:00+07:00"),
  urgency: null,
  remote: false,
  transferredAt: null,
  receiptNoticeAt: null,
  decidedAt: null,
  extensionLevel: 0,
};

describe("working days", () => {
  it.each([
    ["2026-03-06", true], // Friday
    ["2026-03-07", false], // Saturday
    ["2026-03-08", false], // Sunday
    ["2026-02-17", false], // Tết
    ["2026-04-30", false],
    ["2026-05-01", false],
    ["2025-09-01", false], // National Day's adjoining day (2 days from 2025)
    ["2026-09-02", false],
    ["2025-04-26", true], // Saturday worked in exchange for Friday 02/05/2025
    ["2025-05-02", false],
  ])("%s is a working day: %s", (d, expected) => {
    expect(isWorkingDay(d)).toBe(expected);
  });

  it.each([
    // Received Wednesday → 3 working days: Thu, Fri, Mon.
    ["2026-03-04", 3, "2026-03-09"],
    // Received Friday: Mon, Tue, Wed.
    ["2026-03-06", 3, "2026-03-11"],
    // Received Saturday: the weekend does not count.
    ["2026-03-07", 3, "2026-03-11"],
    // Before Tết 2026 (16–20/02 off): Thu 12/02 → Fri 13, Mon 23, Tue 24.
    ["2026-02-12", 3, "2026-02-24"],
    // Across 30/4–1/5 2026 (Thu, Fri): Wed 29/04 → Mon 04, Tue 05, Wed 06.
    ["2026-04-29", 3, "2026-05-06"],
    // The make-up Saturday 26/04/2025 counts: Fri 25/04 → Sat 26, Mon 28, Tue 29.
    ["2025-04-25", 3, "2025-04-29"],
    // 30/4, 1/5 and the swapped Friday 2/5 do not: Mon 28/04 → Tue 29, Mon 05, Tue 06.
    ["2025-04-28", 3, "2025-05-06"],
    // 15 working days for feedback.
    ["2026-03-02", 15, "2026-03-23"],
  ])("%s + %d working days = %s", (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it("holiday data covers 2025–2027 with a stated confidence for each date", () => {
    for (const year of ["2025", "2026", "2027"]) {
      expect(VIETNAM_DAYS_OFF.filter((h) => h.date.startsWith(year)).length).toBeGreaterThanOrEqual(10);
    }
    for (const h of VIETNAM_DAYS_OFF) expect(["official", "projected"]).toContain(h.confidence);
  });
});

describe("transfer clock (24 h urgent, 48 h remote, 7 days otherwise)", () => {
  it("urgent: due 24 hours after the hour of receipt, overdue one minute later", () => {
    const t = { ...base, urgency: "urgent" as const };
    expect(transferDue(t).toISOString()).toBe(at("2026-03-03T10:00:00+07:00").toISOString());
    const [onTime] = clocksOf(t, at("2026-03-03T09:59:00+07:00"));
    expect(onTime).toMatchObject({ kind: "transfer", overdue: false, daysLeft: 0 });
    const [late] = clocksOf(t, at("2026-03-03T10:01:00+07:00"));
    expect(late).toMatchObject({ overdue: true, daysLeft: 0 });
  });

  it("urgent in a remote commune: 48 hours", () => {
    const t = { ...base, urgency: "urgent" as const, remote: true };
    expect(clocksOf(t, at("2026-03-04T09:59:00+07:00"))[0]!.overdue).toBe(false);
    expect(clocksOf(t, at("2026-03-04T10:01:00+07:00"))[0]!.overdue).toBe(true);
  });

  it("an untriaged tip is held to the urgent limit; normal gets 7 calendar days", () => {
    expect(transferDue(base).toISOString()).toBe(at("2026-03-03T10:00:00+07:00").toISOString());
    const t = { ...base, urgency: "normal" as const };
    expect(transferDue(t).toISOString()).toBe(at("2026-03-09T10:00:00+07:00").toISOString());
    const [c] = clocksOf(t, at("2026-03-05T08:00:00+07:00"));
    expect(c).toMatchObject({ daysLeft: 4, overdue: false });
  });

  it("a decision does not meet the transfer clock: only a transfer does (CPC Art. 146.3; JC 01/2017 Art. 8.5)", () => {
    const t = { ...base, urgency: "urgent" as const, decidedAt: at("2026-03-02T12:00:00+07:00") };
    expect(clocksOf(t, at("2026-03-04T00:00:00+07:00"))[0]).toMatchObject({
      kind: "transfer",
      met: false,
      overdue: true,
    });
    // A tip received by the investigation agency itself has no transfer clock.
    expect(clocksOf({ ...t, transferApplies: false }).map((c) => c.kind)).not.toContain("transfer");
  });

  it("met when transferred in time; late transfer stays marked overdue", () => {
    const t = { ...base, urgency: "urgent" as const, transferredAt: at("2026-03-03T11:00:00+07:00") };
    expect(clocksOf(t, at("2026-03-10T00:00:00+07:00"))[0]).toMatchObject({
      met: true,
      overdue: true,
      daysLeft: null,
    });
  });
});

describe("notice of receipt (3 working days) and decision (20 days, 2 months, 4 months)", () => {
  it("notice due at the end of the third working day; a Friday tip is due Wednesday", () => {
    const friday = at("2026-03-06T16:00:00+07:00");
    expect(receiptNoticeDue(friday).toISOString()).toBe(at("2026-03-12T00:00:00+07:00").toISOString());
    const t = { ...base, receivedHour: friday };
    expect(clocksOf(t, at("2026-03-11T23:59:00+07:00"))[1]!.overdue).toBe(false);
    expect(clocksOf(t, at("2026-03-12T00:01:00+07:00"))[1]!.overdue).toBe(true);
  });

  it("decision limit moves with each extension", () => {
    expect(decisionDue(base.receivedHour, 0).toISOString()).toBe(
      at("2026-03-22T10:00:00+07:00").toISOString(),
    );
    expect(decisionDue(base.receivedHour, 1).toISOString()).toBe(
      at("2026-05-02T10:00:00+07:00").toISOString(),
    );
    expect(decisionDue(base.receivedHour, 2).toISOString()).toBe(
      at("2026-07-02T10:00:00+07:00").toISOString(),
    );
    const [, , d] = clocksOf(base, at("2026-03-21T10:00:00+07:00"));
    expect(d).toMatchObject({ kind: "decision", daysLeft: 1, overdue: false });
  });
});

describe("time kept of a tip", () => {
  it("truncates to the hour and reads the date in Vietnam time", () => {
    expect(truncateToHour(at("2026-03-02T10:47:31.123Z")).toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(dateInVietnam(at("2026-03-02T18:30:00Z"))).toBe("2026-03-03");
  });
});

describe("suspension, resumption and the outcome notice (CPC Art. 148–149; JC 01/2017 Art. 14)", () => {
  const kinds = (cs: { kind: string }[]) => cs.map((c) => c.kind);

  it("a suspension meets the decision clock and runs a 24-hour notice clock", () => {
    const suspendedAt = at("2026-03-22T09:00:00+07:00");
    const t = { ...base, firstSuspendedAt: suspendedAt, suspendedAt };
    const cs = clocksOf(t, at("2026-03-23T08:59:00+07:00"));
    expect(kinds(cs)).toEqual(["transfer", "receipt_notice", "decision", "suspension_notice"]);
    expect(cs[2]).toMatchObject({ kind: "decision", met: true, overdue: false });
    expect(cs[3]).toMatchObject({ met: false, overdue: false });
    expect(suspensionNoticeDue(suspendedAt).toISOString()).toBe(
      at("2026-03-23T09:00:00+07:00").toISOString(),
    );
    expect(clocksOf(t, at("2026-03-23T09:01:00+07:00"))[3]).toMatchObject({ overdue: true });
    const told = { ...t, suspensionNoticedAt: at("2026-03-22T15:00:00+07:00") };
    expect(clocksOf(told, at("2026-03-30T00:00:00+07:00"))[3]).toMatchObject({ met: true, overdue: false });
  });

  it("a resumption gives at most 1 month more, met by the next decision", () => {
    const resumedAt = at("2026-04-10T09:00:00+07:00");
    expect(resumedDecisionDue(resumedAt).toISOString()).toBe(at("2026-05-10T09:00:00+07:00").toISOString());
    const t = {
      ...base,
      firstSuspendedAt: at("2026-03-22T09:00:00+07:00"),
      suspendedAt: at("2026-03-22T09:00:00+07:00"),
      resumedAt,
    };
    const open = clocksOf(t, at("2026-05-11T00:00:00+07:00")).find((c) => c.kind === "resumed_decision");
    expect(open).toMatchObject({ met: false, overdue: true });
    const decided = clocksOf({ ...t, decidedAt: at("2026-05-01T09:00:00+07:00") }).find(
      (c) => c.kind === "resumed_decision",
    );
    expect(decided).toMatchObject({ met: true, overdue: false });
  });

  it("the outcome notice is due by the end of the 3rd day after the decision, met when sent", () => {
    const decidedAt = at("2026-03-10T16:00:00+07:00");
    expect(outcomeNoticeDue(decidedAt).toISOString()).toBe(at("2026-03-14T00:00:00+07:00").toISOString());
    expect(kinds(clocksOf(base))).not.toContain("outcome_notice");
    const t = { ...base, decidedAt };
    const pending = clocksOf(t, at("2026-03-13T23:00:00+07:00")).find((c) => c.kind === "outcome_notice");
    expect(pending).toMatchObject({ met: false, overdue: false });
    const sent = clocksOf({ ...t, outcomeNoticedAt: at("2026-03-12T08:00:00+07:00") }).find(
      (c) => c.kind === "outcome_notice",
    );
    expect(sent).toMatchObject({ met: true, overdue: false });
  });
});
