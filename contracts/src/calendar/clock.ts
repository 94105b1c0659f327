/**
 * The one clock and the one "today" of the system, shared by the server and the web console.
 *
 * Every date a person types or reads is a calendar date in Vietnam (`Asia/Ho_Chi_Minh`, UTC+7, no
 * daylight saving), whatever the server's or the browser's own time zone: a commitment signed at
 * 06:30 on 3 December in Cà Mau is dated 03/12, although it is still 2 December in UTC.
 */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

type ClockSource = () => Date;
const systemClock: ClockSource = () => new Date();
let source: ClockSource = systemClock;

/** The current instant. Use this instead of `new Date()` wherever "now" matters to a rule. */
export function clockNow(): Date {
  return source();
}

/**
 * Sets the clock (tests, demos): a fixed instant, or a function. `null` restores the system clock.
 * A fixed instant stays fixed; it does not advance.
 */
export function setClock(at: Date | string | ClockSource | null): void {
  if (at === null) source = systemClock;
  else if (typeof at === "function") source = at;
  else {
    const fixed = new Date(at);
    if (Number.isNaN(fixed.getTime())) throw new RangeError(`Invalid clock instant: ${String(at)}`);
    source = () => new Date(fixed);
  }
}

const dateParts = new Intl.DateTimeFormat("en-US", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Since 1976 Vietnam keeps UTC+7 all year (no summer time); before, the time zone database decides. */
const FIXED_OFFSET_FROM = Date.UTC(1976, 0, 1);
const FIXED_OFFSET_TO = Date.UTC(9999, 11, 31);
const UTC_PLUS_7 = 7 * 3_600_000;

/** The calendar date (`yyyy-MM-dd`) in Vietnam of an instant. */
export function dateInVietnam(at: Date): string {
  // The hot path (every write asks for today): UTC+7 arithmetic instead of Intl's formatToParts.
  const t = at.getTime();
  if (t >= FIXED_OFFSET_FROM && t < FIXED_OFFSET_TO) {
    return new Date(t + UTC_PLUS_7).toISOString().slice(0, 10);
  }
  const parts = Object.fromEntries(dateParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const hourParts = new Intl.DateTimeFormat("en-US", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The hour in Vietnam of an instant, `yyyy-MM-ddTHH` (all a tip keeps of when it came in). */
export function hourInVietnam(at: Date): string {
  const t = at.getTime();
  if (t >= FIXED_OFFSET_FROM && t < FIXED_OFFSET_TO) {
    return new Date(t + UTC_PLUS_7).toISOString().slice(0, 13);
  }
  const parts = Object.fromEntries(hourParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}`;
}

/** Today in Vietnam (`yyyy-MM-dd`), by the clock. */
export function todayInVietnam(): string {
  return dateInVietnam(clockNow());
}

/** The current year in Vietnam. */
export function currentYearInVietnam(): number {
  return Number(todayInVietnam().slice(0, 4));
}

/** The instant a Vietnam calendar day starts (00:00 at UTC+7). */
export function startOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

/** The instant a Vietnam calendar day ends: midnight starting the next day. */
export function endOfVietnamDay(isoDate: string): Date {
  return new Date(startOfVietnamDay(isoDate).getTime() + 86_400_000);
}

/** A date typed as `yyyy-MM-dd` that is not after today in Vietnam. */
export function isNotFuture(isoDate: string): boolean {
  return isoDate <= todayInVietnam();
}
