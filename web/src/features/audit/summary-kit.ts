// What the audit summaries share: the words' namespaces, the reader's context and formatting.
import { periodLabel, type AuditAction, type AuditEventDataMap } from "@toandan/contracts";
import type { TFunction } from "i18next";
import { formatDate, formatNumber } from "../../lib/format";

/** The namespaces the summaries read their words from (loaded by the audit page). */
export const SUMMARY_NAMESPACES = [
  "console",
  "cases",
  "hotspots",
  "commendations",
  "certification",
  "reports",
] as const;

export type SummaryContext = {
  t: TFunction<typeof SUMMARY_NAMESPACES>;
  lang: "vi" | "en";
};

export type Summary<A extends AuditAction> = (data: AuditEventDataMap[A], x: SummaryContext) => string;
export type Summaries = { [A in AuditAction]: Summary<A> };
/** The summaries of one group of actions: those whose name matches P (e.g. `case.${string}`). */
export type GroupSummaries<P extends string> = { [A in Extract<AuditAction, P>]: Summary<A> };

export const none = () => "";
export const n = formatNumber;
export const d = formatDate;
/** A record's id, short: its first eight characters (names stay out of the log). */
export const short = (id: string | null | undefined) => (id ? `${id.slice(0, 8)}…` : "—");
export const kb = (bytes: number) => `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
export const fileType = (type: string) =>
  type === "application/pdf" ? "PDF" : type === "image/png" ? "PNG" : "JPG";
export const orDash = (v: string | null | undefined) => (v ? v : "—");
/** A stored "2026-Q3" as people read it: "Quý III/2026". */
export const quarter = (key: string, x: SummaryContext) => {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? periodLabel({ kind: "quarter", year: Number(m[1]), index: Number(m[2]) }, x.lang) : key;
};

/** Fields whose change an event names (activities, households, reports). */
const FIELDS = [
  ...["kind", "date", "title", "topics", "tags", "notes", "attendees", "households", "students"],
  ...["leaflets", "panels", "slogans", "broadcastItems", "broadcastHours", "organizerBodyIds"],
  ...["headName", "address", "members", "memberOrgs", "code", "movedOutOn"],
  ...["subject", "sections", "recipients", "signerTitle", "signerName", "number"],
] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

/** Names of changed fields in the reader's language (an unknown one as stored). */
export const fields = (names: readonly string[], x: SummaryContext) =>
  names.map((f) => (isField(f) ? x.t(`audit.fields.${f}`) : f)).join(", ");
