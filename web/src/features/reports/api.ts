import {
  periodLabel,
  periodOf,
  todayInVietnam,
  type PlanPageSchema,
  type Report,
  type ReportPageSchema,
  type ReportStatus,
} from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api, withQuery } from "../../api/client";
import { formatDate } from "../../lib/format";

export type ReportPage = z.infer<typeof ReportPageSchema>;
export type ReportListParams = {
  orgUnitId?: string;
  year?: number;
  status?: ReportStatus;
  awaiting?: boolean;
};

export function reportListQuery(params: ReportListParams) {
  return infiniteQueryOptions({
    queryKey: ["reports", params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ReportPage>("/reports", { query: { ...params, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function reportQuery(id: string) {
  return queryOptions({
    queryKey: ["report", id],
    queryFn: ({ signal }) => api<Report>(`/reports/${id}`, { signal }),
  });
}

export const EXPORT_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export is a plain GET with the session cookie: a link the browser downloads. */
export function exportUrl(id: string, format: ExportFormat): string {
  return withQuery(`/api/v1/reports/${id}/export`, { format });
}

/** Badge colours with white (or dark) text above 4.5:1 on white; the status is always in words too. */
export const STATUS_BADGE: Record<ReportStatus, { color: string; variant: "filled" | "outline" }> = {
  draft: { color: "gray.8", variant: "outline" },
  submitted: { color: "blue.9", variant: "filled" },
  returned: { color: "#a63a0b", variant: "filled" },
  approved: { color: "teal.9", variant: "filled" },
};

/** One recipient a line; blank lines dropped. */
export const linesOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The plans a plan-review report may be about (`GET /plans`, the first page). The key is the plans
 * list's own, so the two pages share what they have read.
 */
export const planChoicesQuery = infiniteQueryOptions({
  queryKey: ["plans", {}],
  initialPageParam: null as string | null,
  queryFn: ({ pageParam, signal }) =>
    api<z.infer<typeof PlanPageSchema>>("/plans", { query: { cursor: pageParam, limit: 50 }, signal }),
  getNextPageParam: (last) => last.nextCursor,
});

/**
 * The period a report covers, as a heading names it: "6 tháng đầu năm 2026", "Năm 2026" (the one
 * calendar's `periodLabel`), or "01/03/2026 – 30/11/2026" for a plan review.
 */
export function reportPeriodText(
  r: Pick<Report, "template" | "periodFrom" | "periodTo">,
  language: string,
): string {
  const locale = language.startsWith("en") ? "en" : "vi";
  if (r.template === "six_month") return periodLabel(periodOf("half", r.periodFrom), locale);
  if (r.template === "yearly") return periodLabel(periodOf("year", r.periodFrom), locale);
  return `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`;
}

/** The period a new report would cover (the server's rule in compose.ts), or null while incomplete. */
export function periodEndOf(template: string, year: number, half: string, periodTo: string | undefined) {
  if (!Number.isInteger(year) || year < 2000) return null;
  if (template === "six_month") return half === "1" ? `${year}-06-30` : half === "2" ? `${year}-12-31` : null;
  if (template === "yearly") return `${year}-12-31`;
  return periodTo ?? null;
}

/** The default data cut-off: the period's end, or today (Vietnam) when the period has not ended. */
export function defaultCutOff(periodEnd: string): string {
  const today = todayInVietnam();
  return periodEnd < today ? periodEnd : today;
}

/** The next document number of a unit's issuing body in a year of issue (the create form's default). */
export function nextNumberQuery(orgUnitId: string, issuingBody: string, year: number) {
  return queryOptions({
    queryKey: ["reports", "next-number", orgUnitId, issuingBody, year],
    queryFn: ({ signal }) =>
      api<{ number: string }>("/reports/next-number", { query: { orgUnitId, issuingBody, year }, signal }),
    enabled: Boolean(orgUnitId && issuingBody.trim()) && year >= 2000 && year <= 2100,
    staleTime: 0,
  });
}
