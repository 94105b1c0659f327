import type { HotspotDetail, HotspotPageSchema, HotspotStatus } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type HotspotPage = z.infer<typeof HotspotPageSchema>;

export function hotspotListQuery(status?: HotspotStatus) {
  return infiniteQueryOptions({
    queryKey: ["hotspots", "list", status ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<HotspotPage>("/hotspots", { query: { status, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const hotspotQuery = (id: string) =>
  queryOptions({
    queryKey: ["hotspots", id],
    queryFn: ({ signal }) => api<HotspotDetail>(`/hotspots/${id}`, { signal }),
  });

/** Designates a hotspot; the server checks the body against the contract. */
export const designateHotspot = (body: Record<string, unknown>) =>
  api<HotspotDetail>("/hotspots", { method: "POST", body });

export const recordHotspotEvidence = (id: string, body: Record<string, unknown>) =>
  api<unknown>(`/hotspots/${id}/evidence`, { method: "POST", body });

export const moveHotspot = (id: string, body: Record<string, unknown>) =>
  api<unknown>(`/hotspots/${id}/status`, { method: "POST", body });
