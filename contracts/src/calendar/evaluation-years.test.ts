import { describe, expect, it } from "vitest";
import { evaluationYear, evaluationYearLabel, evaluationYearOf, wholeMonthsServed } from "./evaluation-years";

describe("evaluation years (Hướng dẫn 01/HD-BCA-V05: 15/11 – 14/11)", () => {
  it.each([
    ["2026-11-14", 2026],
    ["2026-11-15", 2027],
    ["2026-01-01", 2026],
    ["2025-11-15", 2026],
    ["2025-12-31", 2026],
  ])("%s is in evaluation year %i", (date, year) => {
    expect(evaluationYearOf(date).year).toBe(year);
  });

  it("labels the year with its bounds", () => {
    expect(evaluationYear(2026)).toEqual({ year: 2026, from: "2025-11-15", to: "2026-11-14" });
    expect(evaluationYearLabel(2026)).toBe("Năm đánh giá 2026 (15/11/2025 – 14/11/2026)");
    expect(evaluationYearLabel(2026, "en")).toBe("Evaluation year 2026 (15/11/2025 – 14/11/2026)");
  });

  it.each([
    ["2025-11-15", "2026-08-14", 9],
    ["2025-11-15", "2026-08-13", 8],
    ["2025-11-15", "2026-11-14", 12],
    ["2026-01-31", "2026-02-27", 0],
    ["2026-01-31", "2026-02-28", 1],
    ["2026-03-01", "2026-02-28", 0],
    ["2026-03-01", "2026-03-01", 0],
  ])("%s – %s is %i whole months", (from, to, months) => {
    expect(wholeMonthsServed(from, to)).toBe(months);
  });
});
