import type {
  CaseAccessPageSchema,
  CaseDetail,
  CasePageSchema,
  CaseStats,
  TransferDestinationListSchema,
} from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type CasePage = z.infer<typeof CasePageSchema>;

export function caseListQuery(filters: { status?: string; kind?: string; overdue?: string }) {
  return infiniteQueryOptions({
    queryKey: ["cases", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<CasePage>("/cases", { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const caseStatsQuery = (orgUnitId: string | null, period: string, key: string) =>
  queryOptions({
    queryKey: ["cases", "stats", orgUnitId, period, key],
    enabled: !!orgUnitId && key.length >= 4,
    queryFn: ({ signal }) =>
      api<CaseStats>("/cases/statistics", { query: { orgUnitId, period, key }, signal }),
  });

/** Opening a file is a logged read with a reason: a mutation, never cached or prefetched. */
export const openCase = (id: string, reason: string) =>
  api<CaseDetail>(`/cases/${id}`, { query: { reason } });

export const caseAccessLogQuery = (id: string) =>
  queryOptions({
    queryKey: ["cases", id, "access-log"],
    queryFn: ({ signal }) => api<z.infer<typeof CaseAccessPageSchema>>(`/cases/${id}/access-log`, { signal }),
  });

export const post = <T>(path: string, body: unknown) => api<T>(path, { method: "POST", body });

/** Current communes anywhere, by name, for the transfer form (names only, no file). */
export const transferDestinationsQuery = (q: string) =>
  queryOptions({
    queryKey: ["cases", "transfer-destinations", q],
    enabled: q.length >= 2,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api<z.infer<typeof TransferDestinationListSchema>>("/cases/transfer-destinations", {
        query: { q },
        signal,
      }),
  });
