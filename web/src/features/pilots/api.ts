import type { GroupType, PilotDetail, PilotPage, PilotStage, PilotTotals } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

export const pilotListQuery = (stage: PilotStage | null) =>
  infiniteQueryOptions({
    queryKey: ["pilots", "list", stage],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<PilotPage>("/pilots", {
        query: { stage: stage ?? undefined, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

export const pilotTotalsQuery = () =>
  queryOptions({
    queryKey: ["pilots", "totals"],
    queryFn: ({ signal }) => api<PilotTotals>("/pilots/totals", { signal }),
  });

export const pilotQuery = (id: string) =>
  queryOptions({
    queryKey: ["pilots", id],
    queryFn: ({ signal }) => api<PilotDetail>(`/pilots/${id}`, { signal }),
  });

/** The catalogue's model types, for the designation form. */
export const modelTypesQuery = queryOptions({
  queryKey: ["group-types"],
  queryFn: ({ signal }) => api<{ items: GroupType[] }>("/group-types", { signal }),
  staleTime: Infinity,
});

/** The server checks every body against the contract. */
export const designatePilot = (body: Record<string, unknown>) =>
  api<PilotDetail>("/pilots", { method: "POST", body });
export const evaluatePilot = (id: string, body: Record<string, unknown>) =>
  api<PilotDetail>(`/pilots/${id}/evaluations`, { method: "POST", body });
export const recordReplication = (id: string, body: Record<string, unknown>) =>
  api<PilotDetail>(`/pilots/${id}/replications`, { method: "POST", body });
