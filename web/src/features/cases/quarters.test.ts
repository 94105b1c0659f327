import { setClock } from "@toandan/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { quarterText, recentPeriods, recentQuarters } from "./quarters";

afterEach(() => setClock(null));

describe("case periods as people read them", () => {
  it("reads a stored quarter as “Quý III/2026”, never “2026-Q3”", () => {
    expect(quarterText("2026-Q3", "vi")).toBe("Quý III/2026");
    expect(quarterText("2026-Q3", "en")).toBe("Q3 2026");
  });

  it("offers this quarter first in Vietnam time, and the ones before it across the new year", () => {
    setClock("2026-12-31T17:30:00Z"); // 00:30 on 1 January 2027 in Vietnam
    expect(recentQuarters("vi").slice(0, 3)).toEqual([
      { value: "2027-Q1", label: "Quý I/2027" },
      { value: "2026-Q4", label: "Quý IV/2026" },
      { value: "2026-Q3", label: "Quý III/2026" },
    ]);
    expect(recentPeriods("month", "vi", 2).map((p) => p.value)).toEqual(["2027-01", "2026-12"]);
    expect(recentPeriods("half", "vi", 2).map((p) => p.value)).toEqual(["2027-H1", "2026-H2"]);
    expect(recentPeriods("year", "vi", 2).map((p) => p.value)).toEqual(["2027", "2026"]);
  });
});
