import { afterEach, describe, expect, it } from "vitest";
import {
  clockNow,
  currentYearInVietnam,
  dateInVietnam,
  endOfVietnamDay,
  isNotFuture,
  setClock,
  startOfVietnamDay,
  todayInVietnam,
} from "./clock";

afterEach(() => setClock(null));

// The same cases early and late in the Vietnam day: 00:30 is still the previous day in UTC.
describe.each([
  ["00:30", "2026-12-02T17:30:00Z"],
  ["23:30", "2026-12-03T16:30:00Z"],
])("at %s in Vietnam on 03/12/2026", (_label, instant) => {
  it("today is 2026-12-03", () => {
    setClock(instant);
    expect(todayInVietnam()).toBe("2026-12-03");
    expect(currentYearInVietnam()).toBe(2026);
  });
  it("today is not in the future; tomorrow is", () => {
    setClock(instant);
    expect(isNotFuture("2026-12-03")).toBe(true);
    expect(isNotFuture("2026-12-02")).toBe(true);
    expect(isNotFuture("2026-12-04")).toBe(false);
  });
  it("the instant falls inside the Vietnam day", () => {
    setClock(instant);
    const now = clockNow().getTime();
    expect(now).toBeGreaterThanOrEqual(startOfVietnamDay("2026-12-03").getTime());
    expect(now).toBeLessThan(endOfVietnamDay("2026-12-03").getTime());
  });
});

describe("dateInVietnam", () => {
  it.each([
    ["2026-12-31T16:59:59Z", "2026-12-31"],
    ["2026-12-31T17:00:00Z", "2027-01-01"],
    ["2025-06-30T17:00:00Z", "2025-07-01"],
  ])("%s → %s", (instant, date) => {
    expect(dateInVietnam(new Date(instant))).toBe(date);
  });
});

describe("setClock", () => {
  it("a fixed instant does not advance and null restores the system clock", () => {
    setClock("2026-01-01T00:00:00Z");
    expect(clockNow().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    setClock(null);
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1000);
  });
  it("refuses an invalid instant", () => {
    expect(() => setClock("not a date")).toThrow(RangeError);
  });
});
