import { describe, expect, it } from "vitest";
import { formatVnDate, isIsoDate, isoDateOf, isoFromVn, parseNumberInput, parseVnDate } from "./vn-input";

describe("parseNumberInput", () => {
  it.each([
    ["1.157", 1157],
    ["1.234.567", 1_234_567],
    ["1.157,5", 1157.5],
    ["2,5", 2.5],
    ["80,5", 80.5],
    ["80.5", 80.5],
    ["1.15", 1.15],
    ["1.1575", 1.1575],
    ["0,05", 0.05],
    [" 12 ", 12],
    ["1 157", 1157],
    ["1\u00a0157", 1157],
    ["-3", -3],
    ["-2,5", -2.5],
    ["-1.157", -1157],
    ["0", 0],
    ["007", 7],
  ])("reads %j as %d", (input, expected) => {
    expect(parseNumberInput(input)).toBe(expected);
  });

  it("passes numbers through and reads blanks and non-text as no value", () => {
    expect(parseNumberInput(42)).toBe(42);
    expect(parseNumberInput(0)).toBe(0);
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("   ")).toBeUndefined();
    expect(parseNumberInput(undefined)).toBeUndefined();
    expect(parseNumberInput(null)).toBeUndefined();
    expect(parseNumberInput(["1"])).toBeUndefined();
  });

  it.each([
    "mười",
    "12abc",
    "1,2,3",
    "1.157.5",
    "1.15.7",
    ",5",
    "5,",
    ".5",
    "5.",
    "+5",
    "1e3",
    "--1",
    "-",
    "Infinity",
    "0x10",
  ])("turns %j into NaN so the contract refuses it", (input) => {
    expect(parseNumberInput(input)).toBeNaN();
  });
});

describe("isoDateOf", () => {
  it("answers real dates only", () => {
    expect(isoDateOf(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDateOf(2000, 2, 29)).toBe("2000-02-29");
    expect(isoDateOf(1900, 2, 29)).toBeNull();
    expect(isoDateOf(2026, 2, 29)).toBeNull();
    expect(isoDateOf(2026, 4, 31)).toBeNull();
    expect(isoDateOf(2026, 12, 31)).toBe("2026-12-31");
    expect(isoDateOf(2026, 0, 1)).toBeNull();
    expect(isoDateOf(2026, 13, 1)).toBeNull();
    expect(isoDateOf(2026, 1, 0)).toBeNull();
    expect(isoDateOf(2026, 1.5, 1)).toBeNull();
    expect(isoDateOf(Number.NaN, 1, 1)).toBeNull();
  });

  it("takes years of four significant digits", () => {
    expect(isoDateOf(1000, 1, 1)).toBe("1000-01-01");
    expect(isoDateOf(9999, 12, 31)).toBe("9999-12-31");
    expect(isoDateOf(999, 1, 1)).toBeNull();
    expect(isoDateOf(25, 1, 1)).toBeNull();
    expect(isoDateOf(10_000, 1, 1)).toBeNull();
  });
});

describe("parseVnDate", () => {
  it.each([
    ["30/06/2025", "2025-06-30"],
    ["30/6/2025", "2025-06-30"],
    ["1/1/2025", "2025-01-01"],
    [" 01/01/2025 ", "2025-01-01"],
    ["29/02/2024", "2024-02-29"],
    ["31/12/1999", "1999-12-31"],
  ])("reads %j as %s", (input, iso) => {
    expect(parseVnDate(input)).toBe(iso);
  });

  it.each([
    "31/02/2026",
    "29/02/2025",
    "31/04/2025",
    "00/01/2025",
    "01/13/2025",
    "01/00/2025",
    "01/01/0025",
    "01/01/0999",
    "2025-06-30",
    "30-06-2025",
    "30.06.2025",
    "30/06/25",
    "30/06/2025x",
    "001/01/2025",
    "30 / 06 / 2025",
    "",
  ])("refuses %j (not a real dd/mm/yyyy date)", (input) => {
    expect(parseVnDate(input)).toBeNull();
  });

  it("takes . and - too when asked (spreadsheets, the portal)", () => {
    expect(parseVnDate("29.02.2024", "/.-")).toBe("2024-02-29");
    expect(parseVnDate("5-1-2026", "/.-")).toBe("2026-01-05");
    expect(parseVnDate("05/10/2026", "/.-")).toBe("2026-10-05");
    expect(parseVnDate("31-02-2026", "/.-")).toBeNull();
    expect(parseVnDate("2026-03-01", "/.-")).toBeNull();
  });

  it("round-trips with formatVnDate", () => {
    for (const iso of ["2024-02-29", "2025-07-01", "2026-12-31", "1000-01-01"]) {
      expect(parseVnDate(formatVnDate(iso))).toBe(iso);
    }
  });
});

describe("isoFromVn", () => {
  it("turns a date box into the contract's value", () => {
    expect(isoFromVn("01/12/2026")).toBe("2026-12-01");
    expect(isoFromVn(" 1/2/2026 ")).toBe("2026-02-01");
    expect(isoFromVn("")).toBeUndefined();
    expect(isoFromVn("  ")).toBeUndefined();
    expect(isoFromVn(undefined)).toBeUndefined();
  });

  it("passes anything else on for the contract to refuse, the impossible day included", () => {
    expect(isoFromVn("31/02/2026")).toBe("31/02/2026");
    expect(isoFromVn("hôm qua")).toBe("hôm qua");
    expect(isoFromVn("2026-06-30")).toBe("2026-06-30");
    expect(isoFromVn(20260630)).toBe(20260630);
  });
});

describe("formatVnDate", () => {
  it("shows an ISO calendar date as dd/mm/yyyy without moving it through a time zone", () => {
    expect(formatVnDate("2025-06-30")).toBe("30/06/2025");
    expect(formatVnDate("2025-01-05")).toBe("05/01/2025");
    // A timestamp's day is Vietnam's, not UTC's: 00:00–07:00 in Vietnam is the day before in UTC.
    expect(formatVnDate("2025-06-30T16:59:59Z")).toBe("30/06/2025");
    expect(formatVnDate("2025-06-30T17:00:00Z")).toBe("01/07/2025");
    expect(formatVnDate("2025-06-30T23:59:59.123+00:00")).toBe("01/07/2025");
  });

  it("shows nothing for no date and the text itself for something else", () => {
    expect(formatVnDate(null)).toBe("");
    expect(formatVnDate(undefined)).toBe("");
    expect(formatVnDate("")).toBe("");
    expect(formatVnDate("không rõ")).toBe("không rõ");
  });
});

describe("isIsoDate", () => {
  it("accepts only real yyyy-mm-dd dates", () => {
    expect(isIsoDate("2025-06-30")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2026-02-31")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("0025-01-01")).toBe(false);
    expect(isIsoDate("30/06/2025")).toBe(false);
    expect(isIsoDate("2025-6-30")).toBe(false);
    expect(isIsoDate("2025-06-30T00:00:00Z")).toBe(false);
    expect(isIsoDate(20250630)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});
