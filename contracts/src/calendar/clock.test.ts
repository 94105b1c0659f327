import { afterEach, describe, expect, it } from "vitest";
import {
  clockNow,
  currentYearInVietnam,
  dateInVietnam,
  endOfVietnamDay,
  hourInVietnam,
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

describe("hourInVietnam", () => {
  it.each([
    ["2026-12-31T16:59:59Z", "2026-12-31T23"],
    ["2026-12-31T17:00:00Z", "2027-01-01T00"],
    ["2026-06-15T23:30:00Z", "2026-06-16T06"],
    // Before 1976 the zone database decides: Saigon kept UTC+8 in 1960.
    ["1960-06-15T16:30:00Z", "1960-06-16T00"],
  ])("%s → %s", (instant, hour) => {
    expect(hourInVietnam(new Date(instant))).toBe(hour);
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

describe("dateInVietnam", () => {
  const intl = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  it("agrees with the time zone database on instants from 1950 to 2100, around midnight too", () => {
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_000; // uneven, so every hour of the day is visited
    for (let t = Date.UTC(1950, 0, 1); t < Date.UTC(2100, 0, 1); t += step * 97) {
      for (const at of [new Date(t), new Date(t - (t % 86_400_000) + 17 * 3_600_000 - 1)]) {
        expect(dateInVietnam(at), at.toISOString()).toBe(intl.format(at));
      }
    }
  });
});
