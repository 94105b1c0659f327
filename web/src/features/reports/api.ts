import type { PlanPageSchema, Report, ReportPageSchema, ReportStatus } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api, withQuery } from "../../api/client";

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
