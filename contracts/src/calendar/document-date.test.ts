import { describe, expect, it } from "vitest";
import { documentDate, documentPlaceAndDate } from "./document-date";

describe("documentDate (Decree 30/2020: days below 10 and months 1–2 with a leading zero)", () => {
  it.each([
    ["2026-02-05", "ngày 05 tháng 02 năm 2026"],
    ["2026-01-31", "ngày 31 tháng 01 năm 2026"],
    ["2026-03-09", "ngày 09 tháng 3 năm 2026"],
    ["2026-09-10", "ngày 10 tháng 9 năm 2026"],
    ["2026-12-15", "ngày 15 tháng 12 năm 2026"],
    ["2026-10-01", "ngày 01 tháng 10 năm 2026"],
  ])("%s → %s", (iso, text) => {
    expect(documentDate(iso)).toBe(text);
  });

  it("puts the place in front", () => {
    expect(documentPlaceAndDate("Bạc Liêu", "2026-12-03")).toBe("Bạc Liêu, ngày 03 tháng 12 năm 2026");
  });

  it("refuses what is not a calendar date", () => {
    expect(() => documentDate("2026-2-5")).toThrow(RangeError);
  });
});
