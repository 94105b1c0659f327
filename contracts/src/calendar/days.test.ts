import { describe, expect, it } from "vitest";
import { addDays, daysInMonth, lastDayOfMonth, nextMonth } from "./days";

describe("calendar day arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-15", 0)).toBe("2026-03-15");
    expect(addDays("2026-01-31", 30)).toBe("2026-03-02");
  });

  it("knows each month's length and last day", () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
    expect(lastDayOfMonth("2026-06")).toBe("2026-06-30");
  });

  it("steps months across the year's end", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth("2026-09")).toBe("2026-10");
    expect(nextMonth("2026-01")).toBe("2026-02");
  });
});
