import { describe, expect, it, vi } from "vitest";
import { formatDateTime, formatNumber, formatPercent, formatTime } from "./format";

// Typed numbers and dates (parseNumberInput, parseVnDate, formatDate, isIsoDate) are contracts'
// vn-input.ts, tested there.

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
