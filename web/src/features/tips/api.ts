import type {
  ExtendTipDeadlineBodySchema,
  RecordTipNoticeBodySchema,
  RecordTipOutcomeBodySchema,
  TipCountsSchema,
  TipDetail,
  TipPageSchema,
  TriageTipBodySchema,
} from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type TipPage = z.infer<typeof TipPageSchema>;
export type TipCounts = z.infer<typeof TipCountsSchema>;

export function tipListQuery(filters: { status?: string; overdue?: string }) {
  return infiniteQueryOptions({
    queryKey: ["tips", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<TipPage>("/tips", { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const tipCountsQuery = queryOptions({
  queryKey: ["tips", "counts"],
  queryFn: ({ signal }) => api<TipCounts>("/tips/counts", { signal }),
});

export function tipQuery(id: string) {
  return queryOptions({
    queryKey: ["tips", "one", id],
    queryFn: ({ signal }) => api<TipDetail>(`/tips/${id}`, { signal }),
  });
}

export const tipActions = {
  triage: (id: string, body: z.input<typeof TriageTipBodySchema>) =>
    api(`/tips/${id}/triage`, { method: "POST", body }),
  message: (id: string, body: string) => api(`/tips/${id}/messages`, { method: "POST", body: { body } }),
  outcome: (id: string, body: z.input<typeof RecordTipOutcomeBodySchema>) =>
    api(`/tips/${id}/outcome`, { method: "POST", body }),
  extend: (id: string, body: z.input<typeof ExtendTipDeadlineBodySchema>) =>
    api(`/tips/${id}/extension`, { method: "POST", body }),
  resume: (id: string) => api(`/tips/${id}/resumption`, { method: "POST", body: {} }),
  notice: (id: string, body: z.input<typeof RecordTipNoticeBodySchema>) =>
    api(`/tips/${id}/notices`, { method: "POST", body }),
};
