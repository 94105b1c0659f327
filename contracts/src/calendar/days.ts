/**
 * Arithmetic on calendar dates (`yyyy-mm-dd`) and months (`yyyy-mm`): no time of day, no zone —
 * the day after 31/12/2026 is 01/01/2027 wherever the code runs. Which day "today" is belongs to
 * clock.ts.
 */

const pad = (n: number) => String(n).padStart(2, "0");
const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** The date `days` after (or, negative, before) `isoDate`: `addDays("2026-12-31", 1)` → `2027-01-01`. */
export function addDays(isoDate: string, days: number): string {
  const d = utcDay(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The number of days in a month (1–12): 29 for February 2028. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last date of a month `yyyy-mm`: `lastDayOfMonth("2028-02")` → `2028-02-29`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${pad(daysInMonth(y, m))}`;
}

/** The month after `yyyy-mm`: `nextMonth("2026-12")` → `2027-01`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}
