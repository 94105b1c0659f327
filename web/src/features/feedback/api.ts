import type { FeedbackDetailSchema, FeedbackPageSchema, ListFeedbackQuerySchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type FeedbackPage = z.infer<typeof FeedbackPageSchema>;
export type FeedbackDetail = z.infer<typeof FeedbackDetailSchema>;
export type FeedbackFilters = Pick<z.input<typeof ListFeedbackQuerySchema>, "status" | "topic" | "overdue">;

/** Feedback routed to the caller's units and body, filtered on the server. */
export function feedbackListQuery(filters: FeedbackFilters) {
  return infiniteQueryOptions({
    queryKey: ["feedback", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<FeedbackPage>("/feedback", { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function feedbackQuery(id: string) {
  return queryOptions({
    queryKey: ["feedback", "one", id],
    queryFn: ({ signal }) => api<FeedbackDetail>(`/feedback/${id}`, { signal }),
  });
}
