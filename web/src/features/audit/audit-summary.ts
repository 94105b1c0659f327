// The details of an audit event: a summary from its typed data, or its stored data as it is.
import { parseAuditEvent, type AuditAction, type TypedAuditEvent } from "@toandan/contracts";
import { SUMMARIES } from "./summaries";
import { fields, n, short, type Summary, type SummaryContext } from "./summary-kit";

export { SUMMARIES } from "./summaries";
export { SUMMARY_NAMESPACES, type SummaryContext } from "./summary-kit";

/** The summary of one typed event. */
export function summarize<A extends AuditAction>(event: TypedAuditEvent<A>, x: SummaryContext): string {
  const summary: Summary<A> = SUMMARIES[event.action];
  return summary(event.data, x);
}

/** The stored data as `key: value` pairs, for a row whose data its action's schema does not read. */
export function rawData(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("; ");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (v: unknown) => typeof v === "string" && UUID.test(v);

function readableValue(v: unknown, x: SummaryContext): string {
  if (isId(v)) return short(v as string);
  if (Array.isArray(v)) {
    return v.length > 0 && v.every(isId)
      ? x.t("audit.recordCount", { n: n(v.length) })
      : v.map((i) => readableValue(i, x)).join(", ");
  }
  if (typeof v === "number") return n(v);
  if (typeof v === "boolean") return x.t(v ? "common.yes" : "common.no");
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Stored data no summary reads, as readable as it can be: known fields by their names, record
 * ids shortened (a list of them counted), numbers as 1.157, yes/no in words.
 */
export function readableData(data: Record<string, unknown>, x: SummaryContext): string {
  return Object.entries(data)
    .map(([k, v]) => `${fields([k], x)}: ${readableValue(v, x)}`)
    .join("; ");
}

/**
 * What the details column shows: the summary when the stored data parses with its action's schema
 * (rows written before a shape changed may not), else the raw data.
 */
export function describeEvent(
  event: Parameters<typeof parseAuditEvent>[0] & { data: Record<string, unknown> },
  x: SummaryContext,
): { summary: string; parsed: boolean } {
  const typed = parseAuditEvent(event);
  if (typed) {
    try {
      return { summary: summarize(typed, x), parsed: true };
    } catch {
      // A summary that cannot read its data falls back to the raw data below.
    }
  }
  return { summary: readableData(event.data, x), parsed: false };
}

/** One event as a sentence: "Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026." */
export function eventSentence(
  event: Parameters<typeof parseAuditEvent>[0] & { data: Record<string, unknown> },
  x: SummaryContext,
): string {
  const action = x.t(`audit.actions.${event.action}`);
  const { summary } = describeEvent(event, x);
  return summary ? x.t("audit.sentence", { action, summary }) : x.t("audit.sentenceBare", { action });
}

/** The console page of the record an event is about, when it has one. */
const PAGES: Record<string, string> = {
  activity: "/hoat-dong/$id",
  case: "/ho-so/$id",
  certification_cycle: "/chung-nhan/$id",
  commendation: "/khen-thuong/$id",
  group: "/to-mo-hinh/$id",
  hotspot: "/dia-ban-trong-diem/$id",
  household: "/ho-gia-dinh/$id",
  org_unit: "/don-vi/$id",
  plan: "/ke-hoach/$id",
  report: "/bao-cao/$id",
  tip: "/tin-bao/$id",
};

export function recordPage(event: {
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}): { to: string; id: string } | null {
  // A commitment is shown on its household's page.
  if (event.entityType === "household_commitment" && isId(event.data.householdId)) {
    return { to: PAGES.household!, id: event.data.householdId as string };
  }
  const to = PAGES[event.entityType];
  return to && event.entityId && isId(event.entityId) ? { to, id: event.entityId } : null;
}
