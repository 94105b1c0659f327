import { dateInVietnam, VIETNAM_TIME_ZONE } from "@toandan/contracts";
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

/** A number typed by a person: `1.157`, `80,5` or `80.5`; empty → undefined, garbage → NaN. */
export function parseNumberInput(input: unknown): number | undefined {
  if (typeof input === "number") return input;
  if (typeof input !== "string" || input.trim() === "") return undefined;
  let s = input.trim().replace(/\s/g, "");
  // A dot followed by exactly three digits is a thousands separator (1.157); a comma is the decimal mark.
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "");
  s = s.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-06-30` → `30/06/2025` (calendar dates carry no time zone, so no Date object). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = ISO_DATE.exec(iso.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const pad = (n: number) => String(n).padStart(2, "0");

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
  return `${formatDate(dateInVietnam(d))} ${vietnamTime.format(d)}`;
}

/** The time of day of an instant in Vietnam, whatever the browser's zone: `14:05`. */
export function formatTime(d: Date): string {
  return vietnamTime.format(d);
}

/** `30/6/2025` or `30/06/2025` → `2025-06-30`; null when it is not a real calendar date. */
export function parseVnDate(input: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(input);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${y}-${pad(mo)}-${pad(d)}`;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === "string" && ISO_DATE.test(s) && parseVnDate(formatDate(s)) === s;
}
