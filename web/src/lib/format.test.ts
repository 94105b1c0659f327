import { describe, expect, it, vi } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatTime,
  isIsoDate,
  parseNumberInput,
  parseVnDate,
} from "./format";

describe("formatNumber", () => {
  it("groups thousands with a dot, Vietnamese style", () => {
    expect(formatNumber(1157)).toBe("1.157");
    expect(formatNumber(10_047)).toBe("10.047");
    expect(formatNumber(1_000_000)).toBe("1.000.000");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(0)).toBe("0");
  });

  it("marks decimals with a comma", () => {
    expect(formatNumber(2.5)).toBe("2,5");
    expect(formatNumber(1234.75)).toBe("1.234,75");
  });
});

describe("formatPercent", () => {
  it("shows a fraction as a percentage with a decimal comma and at most two decimals", () => {
    expect(formatPercent(0.805)).toBe("80,5%");
    expect(formatPercent(0.0003)).toBe("0,03%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.123456)).toBe("12,35%");
  });
});

describe("parseNumberInput", () => {
  it.each([
    ["1.157", 1157],
    ["1.234.567", 1_234_567],
    ["1.157,5", 1157.5],
    ["80,5", 80.5],
    ["80.5", 80.5],
    ["1.15", 1.15],
    [" 12 ", 12],
    ["1 157", 1157],
    ["-3", -3],
    ["0", 0],
  ])("reads %j as %d", (input, expected) => {
    expect(parseNumberInput(input)).toBe(expected);
  });

  it("passes numbers through and reads blanks as no value", () => {
    expect(parseNumberInput(42)).toBe(42);
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("   ")).toBeUndefined();
    expect(parseNumberInput(undefined)).toBeUndefined();
    expect(parseNumberInput(null)).toBeUndefined();
  });

  it("turns garbage into NaN so the contract refuses it", () => {
    expect(parseNumberInput("mười")).toBeNaN();
    expect(parseNumberInput("12abc")).toBeNaN();
    expect(parseNumberInput("1,2,3")).toBeNaN();
  });
});

describe("formatDate", () => {
  it("shows an ISO calendar date as dd/mm/yyyy", () => {
    expect(formatDate("2025-06-30")).toBe("30/06/2025");
    expect(formatDate("2025-01-05")).toBe("05/01/2025");
  });

  it("keeps the calendar date of a timestamp without moving it through a time zone", () => {
    expect(formatDate("2025-06-30T23:59:59Z")).toBe("30/06/2025");
  });

  it("shows nothing for no date and the text itself for something else", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDate("không rõ")).toBe("không rõ");
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
    "31/02/2025",
    "29/02/2025",
    "31/04/2025",
    "00/01/2025",
    "01/13/2025",
    "01/00/2025",
    "2025-06-30",
    "30-06-2025",
    "30/06/25",
    "30/06/2025x",
    "",
  ])("refuses %j (not a real dd/mm/yyyy date)", (input) => {
    expect(parseVnDate(input)).toBeNull();
  });

  it("round-trips with formatDate", () => {
    for (const iso of ["2024-02-29", "2025-07-01", "2026-12-31"]) {
      expect(parseVnDate(formatDate(iso))).toBe(iso);
    }
  });
});

describe("isIsoDate", () => {
  it("accepts only real yyyy-mm-dd dates", () => {
    expect(isIsoDate("2025-06-30")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("30/06/2025")).toBe(false);
    expect(isIsoDate("2025-06-30T00:00:00Z")).toBe(false);
    expect(isIsoDate(20250630)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe("formatDateTime", () => {
  // 23:30 UTC on 2 December is 06:30 on 3 December in Vietnam (UTC+7).
  const instant = "2025-12-02T23:30:00.000Z";

  it.each([
    ["UTC", 0],
    ["Asia/Ho_Chi_Minh", -420],
    ["America/Los_Angeles", 480],
    ["Pacific/Kiritimati", -840],
    ["Europe/London", 0],
  ])("shows Vietnam time when the browser's zone is %s", (zone, offset) => {
    vi.stubEnv("TZ", zone);
    expect(new Date(instant).getTimezoneOffset()).toBe(offset);
    expect(formatDateTime(instant)).toBe("03/12/2025 06:30");
    expect(formatDateTime("2025-06-30T16:59:00Z")).toBe("30/06/2025 23:59");
    expect(formatDateTime("2025-06-30T17:00:00Z")).toBe("01/07/2025 00:00");
  });

  it("reads offsets other than Z", () => {
    expect(formatDateTime("2025-06-30T08:05:00+07:00")).toBe("30/06/2025 08:05");
    expect(formatDateTime("2025-06-30T08:05:00-05:00")).toBe("30/06/2025 20:05");
  });

  it("shows nothing for no instant and the text itself for garbage", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("hôm qua")).toBe("hôm qua");
  });
});

describe("formatTime", () => {
  it("shows hours and minutes in Vietnam on the 24-hour clock, zero-padded, whatever the browser's zone", () => {
    expect(formatTime(new Date("2025-01-01T09:05:00+07:00"))).toBe("09:05");
    expect(formatTime(new Date("2025-01-01T23:59:00+07:00"))).toBe("23:59");
    expect(formatTime(new Date("2025-01-01T00:00:00+07:00"))).toBe("00:00");
  });
});
