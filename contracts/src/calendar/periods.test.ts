import { describe, expect, it } from "vitest";
import { period, periodLabel, periodOf } from "./periods";

describe("periods", () => {
  it.each([
    ["month", "2026-02-14", "2026-02-01", "2026-02-28", "Tháng 2/2026", "February 2026"],
    ["month", "2028-02-14", "2028-02-01", "2028-02-29", "Tháng 2/2028", "February 2028"],
    ["quarter", "2026-08-19", "2026-07-01", "2026-09-30", "Quý III/2026", "Q3 2026"],
    ["quarter", "2026-12-31", "2026-10-01", "2026-12-31", "Quý IV/2026", "Q4 2026"],
    ["half", "2026-06-30", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026", "First half of 2026"],
    ["half", "2026-07-01", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026", "Second half of 2026"],
    ["year", "2026-03-03", "2026-01-01", "2026-12-31", "Năm 2026", "2026"],
  ] as const)("%s of %s: %s – %s, %s", (kind, date, from, to, vi, en) => {
    const p = periodOf(kind, date);
    expect([p.from, p.to]).toEqual([from, to]);
    expect(periodLabel(p)).toBe(vi);
    expect(periodLabel(p, "en")).toBe(en);
  });

  it("refuses an index outside the year", () => {
    expect(() => period("quarter", 2026, 5)).toThrow(RangeError);
    expect(() => period("month", 2026, 0)).toThrow(RangeError);
  });
});
