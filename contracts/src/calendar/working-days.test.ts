import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWorkingDay,
  VIETNAM_CALENDAR,
  VIETNAM_DAYS_OFF,
  workingDaysBetween,
  type WorkingCalendar,
} from "./working-days";

const NONE: WorkingCalendar = { holidays: new Set(), workingWeekends: new Set() };
const cal = VIETNAM_CALENDAR;

describe("addWorkingDays", () => {
  it.each([
    // [start, n, expected, why]
    ["2026-11-23", 3, "2026-11-26", "Monday + 3 = Thursday"],
    ["2026-11-27", 3, "2026-12-02", "Friday + 3 skips the weekend: Wednesday"],
    ["2026-11-27", 5, "2026-12-04", "Friday + 5 = next Friday"],
    ["2026-11-28", 3, "2026-12-02", "a Saturday meeting counts from Monday"],
    ["2026-11-29", 1, "2026-11-30", "Sunday + 1 = Monday"],
    ["2026-04-29", 3, "2026-05-06", "eve of 30/4: 30/4 and 1/5 are off, then the weekend"],
    ["2026-08-31", 3, "2026-09-07", "eve of National Day: 1/9 and 2/9 off, Thu, Fri, then Monday"],
    ["2026-02-13", 3, "2026-02-25", "Friday before Tết Bính Ngọ: the whole week is off"],
    ["2025-04-25", 3, "2025-04-29", "Saturday 26/04/2025 is a make-up working day"],
    ["2025-04-28", 3, "2025-05-06", "30/4, 1/5 and the swapped 2/5/2025 are off"],
    ["2026-12-31", 1, "2027-01-04", "New Year's Eve: 01/01 off, then the weekend"],
    ["2026-11-27", 0, "2026-11-27", "n = 0 is the day itself"],
  ])("%s + %i → %s (%s)", (start, n, expected) => {
    expect(addWorkingDays(start, n, cal)).toBe(expected);
  });

  it("without holidays only weekends are skipped", () => {
    expect(addWorkingDays("2026-04-29", 3, NONE)).toBe("2026-05-04");
  });

  it("refuses a negative count", () => {
    expect(() => addWorkingDays("2026-01-05", -1, cal)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2026-11-30", "2026-12-02", 2, "two working days left"],
    ["2026-12-02", "2026-12-02", 0, "due today"],
    ["2026-12-03", "2026-12-02", -1, "one working day late"],
    ["2026-11-27", "2026-11-30", 1, "Friday to Monday is one working day"],
    [
      "2026-12-07",
      "2026-12-04",
      -1,
      "Monday after a Friday deadline: one day late, the weekend does not count",
    ],
    ["2026-04-29", "2026-05-04", 1, "across 30/4, 1/5 and a weekend"],
  ])("%s → %s = %i (%s)", (from, to, expected) => {
    expect(workingDaysBetween(from, to, cal)).toBe(expected);
  });

  it("is the inverse of addWorkingDays", () => {
    for (const start of ["2026-01-30", "2026-04-28", "2026-08-28", "2027-02-03"]) {
      for (const n of [1, 3, 5, 10]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });
});

describe("the calendar data", () => {
  it("lists only weekdays, each with a source confidence", () => {
    for (const h of VIETNAM_DAYS_OFF) {
      expect(isWorkingDay(h.date, NONE), h.date).toBe(true);
      expect(["official", "projected"]).toContain(h.confidence);
    }
  });

  it("covers 2025 to 2027", () => {
    const years = new Set(VIETNAM_DAYS_OFF.map((h) => h.date.slice(0, 4)));
    expect([...years]).toEqual(["2025", "2026", "2027"]);
  });
});
