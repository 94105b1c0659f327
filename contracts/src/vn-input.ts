/**
 * What a person types into a form, read the Vietnamese way whatever the UI language — one reading
 * for the web's forms and the server's plain-HTML capture page (modules/capture):
 * - numbers: a dot groups thousands (`1.157`), a comma marks decimals (`2,5`, `1.157,5`);
 * - dates: `dd/mm/yyyy` (or `d/m/yyyy`), a calendar date in Vietnam — no time, no zone, never a
 *   `Date` (today and the rules on dates are contracts/src/calendar's).
 */
import { dateInVietnam } from "./calendar/clock";

const pad = (n: number) => String(n).padStart(2, "0");

/** Thousands grouped with dots, an optional decimal comma: `1.157`, `-1.234.567,5`. */
const GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * A number typed by a person: `1.157`, `80,5` or `80.5` (a dot followed by exactly three digits
 * groups thousands; otherwise a dot or a comma is the decimal mark); spaces are ignored. A number
 * passes through; empty → undefined; garbage → NaN, so the contract refuses it.
 */
export function parseNumberInput(input: unknown): number | undefined {
  if (typeof input === "number") return input;
  if (typeof input !== "string" || input.trim() === "") return undefined;
  let s = input.replace(/\s/g, "");
  if (GROUPED.test(s)) s = s.replace(/\./g, "");
  s = s.replace(",", ".");
  return PLAIN.test(s) ? Number(s) : Number.NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * `yyyy-mm-dd` of a real calendar date (Gregorian, years 1000–9999), or null: 31/02 and 29/02
 * outside leap years are not dates, and a year typed with fewer than four significant digits is a
 * slip of the hand, not the year 25.
 */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const last = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day > last ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/** The separators a date may be typed with: the forms' `/`, or also `.` and `-` (spreadsheets, the portal). */
export type DateSeparators = "/" | "/.-";
const VN_DATE: Record<DateSeparators, RegExp> = {
  "/": /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  "/.-": /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/,
};

/** `30/6/2025` or `30/06/2025` → `2025-06-30`; null when it is not a real calendar date. */
export function parseVnDate(input: string, separators: DateSeparators = "/"): string | null {
  const m = VN_DATE[separators].exec(input.trim());
  return m ? isoDateOf(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/**
 * A date box's text as the contract's value: `dd/mm/yyyy` → `yyyy-mm-dd`; blank → undefined;
 * anything else (including a day that does not exist) is passed on for the contract to refuse
 * with its own message.
 */
export function isoFromVn(text: unknown): unknown {
  if (typeof text !== "string") return text;
  if (text.trim() === "") return undefined;
  return parseVnDate(text) ?? text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `2025-06-30` → `30/06/2025`; a timestamp gives its date in Vietnam (`2025-06-30T18:00:00Z` →
 * `01/07/2025`), never the UTC date its first ten characters spell; nothing for no date, other
 * text as it is.
 */
export function formatVnDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const instant = iso.length > 10 ? new Date(iso) : null;
  const day = instant && !Number.isNaN(instant.getTime()) ? dateInVietnam(instant) : iso;
  const m = ISO_DATE.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A real calendar date written `yyyy-mm-dd` (the reading of isoDateOf). */
export function isIsoDate(s: unknown): s is string {
  const m = typeof s === "string" ? ISO_DATE.exec(s) : null;
  return m !== null && isoDateOf(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}
