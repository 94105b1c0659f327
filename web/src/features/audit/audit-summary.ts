// The details of an audit event: a summary from its typed data, or its stored data as it is.
import { parseAuditEvent, type AuditAction, type TypedAuditEvent } from "@toandan/contracts";
import { SUMMARIES } from "./summaries";
import type { Summary, SummaryContext } from "./summary-kit";

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
  return { summary: rawData(event.data), parsed: false };
}
