import { dateInVietnam, formatVnDate, VIETNAM_TIME_ZONE } from "@toandan/contracts";

// What people type is read by contracts' vn-input.ts, the same reading as the server's capture page.
export { formatVnDate as formatDate, isIsoDate, parseNumberInput, parseVnDate } from "@toandan/contracts";

/** Vietnamese conventions everywhere, whatever the UI language: 1.157 and 30/06/2025. */
const numberFormat = new Intl.NumberFormat("vi-VN");

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const percentFormat = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 2 });

/** A fraction shown as a percentage, Vietnamese style: 0.805 → `80,5%`, 0.0003 → `0,03%`. */
export function formatPercent(fraction: number): string {
  return percentFormat.format(fraction);
}

const vietnamTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant shown in Vietnam time, whatever the browser's zone: `30/06/2025 14:05`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatVnDate(dateInVietnam(d))} ${vietnamTime.format(d)}`;
}

/** The time of day of an instant in Vietnam, whatever the browser's zone: `14:05`. */
export function formatTime(d: Date): string {
  return vietnamTime.format(d);
}
