import { describe, expect, it } from "vitest";
import {
  caseDueDates,
  deadline,
  lastQuarterDueBefore,
  nextQuarterReportDue,
  quarterIndex,
  quarterOf,
} from "./cases.deadlines";
import { periodRange, suppressSmall } from "./cases.stats";

describe("case deadlines (Circular 10/2024 Art. 10–11)", () => {
  it.each([
    ["2026-11-23", "2026-11-26", "2026-11-30", "Monday meeting"],
    ["2026-11-27", "2026-12-02", "2026-12-04", "Friday meeting"],
    ["2026-04-28", "2026-05-05", "2026-05-07", "meeting two days before 30/4"],
    ["2026-12-30", "2027-01-05", "2027-01-07", "meeting on the eve of New Year's Eve"],
  ])("reported in %s: assign by %s, file by %s (%s)", (reportedIn, assign, file) => {
    expect(caseDueDates(reportedIn)).toEqual({ assignDueOn: assign, fileDueOn: file });
  });

  it("days left count working days, zero on the day, negative when late, null when done", () => {
    expect(deadline("2026-12-02", null, "2026-11-27").workingDaysLeft).toBe(3);
    expect(deadline("2026-12-02", null, "2026-12-02").workingDaysLeft).toBe(0);
    expect(deadline("2026-12-02", null, "2026-12-07").workingDaysLeft).toBe(-3);
    expect(deadline("2026-12-02", "2026-12-01", "2026-12-07").workingDaysLeft).toBeNull();
  });

  it("quarterly reports are due on day 5 of the next quarter, from the assignment's quarter", () => {
    expect(quarterOf("2026-11-30")).toBe("2026-Q4");
    expect(nextQuarterReportDue("2026-11-30", [])).toBe("2027-01-05");
    expect(nextQuarterReportDue("2026-03-31", [])).toBe("2026-04-05");
    expect(nextQuarterReportDue("2026-02-10", ["2026-Q1", "2026-Q2"])).toBe("2026-10-05");
    expect(nextQuarterReportDue("2025-12-31", ["2025-Q4"])).toBe("2026-04-05");
  });

  it("a Q3 report due 05/10/2026 and not made is late on 03/12/2026", () => {
    const due = nextQuarterReportDue("2026-08-14", []);
    expect(due).toBe("2026-10-05");
    expect(deadline(due, null, "2026-12-03").workingDaysLeft).toBeLessThan(0);
    expect(lastQuarterDueBefore("2026-12-03")).toBe(quarterIndex("2026-08-14"));
  });

  it.each([
    ["2026-10-05", "2026-Q2"],
    ["2026-10-06", "2026-Q3"],
    ["2027-01-05", "2026-Q3"],
    ["2027-01-06", "2026-Q4"],
  ])("on %s the last report already late is %s's", (today, quarter) => {
    const q = Number(quarter.slice(6));
    expect(lastQuarterDueBefore(today)).toBe(Number(quarter.slice(0, 4)) * 4 + q - 1);
  });
});

describe("statistics periods and suppression", () => {
  it.each([
    ["month", "2026-02", { from: "2026-02-01", to: "2026-02-28" }],
    ["quarter", "2026-Q3", { from: "2026-07-01", to: "2026-09-30" }],
    ["half_year", "2026-H2", { from: "2026-07-01", to: "2026-12-31" }],
    ["year", "2028", { from: "2028-01-01", to: "2028-12-31" }],
    ["month", "2026-Q1", null],
  ] as const)("%s %s", (period, key, expected) => {
    expect(periodRange(period, key)).toEqual(expected);
  });

  it("hides counts from 1 to 4 outside the police, keeps 0 and ≥ 5", () => {
    const counts = {
      underManagement: 7,
      newInPeriod: 4,
      closedInPeriod: 0,
      assignedLate: 1,
      groupA: 5,
      groupB: 0,
      groupC: 0,
      groupD: 0,
      supports: 2,
      transferredIn: 0,
      transferredOut: 3,
      expunged: 0,
      moved: 0,
      settledAbroad: 0,
      missing: 0,
      died: 0,
      reimprisoned: 0,
      completed: 0,
      endedEarly: 0,
      reformed: 0,
      managementEnded: 0,
      helpInstances: 12,
      helpPersons: 3,
      reformedInstances: 4,
      reformedPersons: 4,
      relapsedInstances: 0,
      referrals: 0,
      compulsoryReferrals: 0,
      communitySessions: 6,
      communityEducated: 5,
    };
    expect(suppressSmall(counts, true)).toMatchObject({
      underManagement: 7,
      newInPeriod: null,
      closedInPeriod: 0,
      assignedLate: null,
      groupA: 5,
      supports: null,
      transferredOut: null,
      helpInstances: 12,
      helpPersons: null,
      reformedInstances: null,
      communityEducated: 5,
    });
    expect(suppressSmall(counts, false)).toEqual(counts);
  });
});
