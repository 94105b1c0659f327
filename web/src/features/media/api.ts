import type { MediaPartnershipDetail, MediaPartnershipPage } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

export const mediaListQuery = () =>
  infiniteQueryOptions({
    queryKey: ["media", "list"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<MediaPartnershipPage>("/media-partnerships", { query: { cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });

export const mediaQuery = (id: string) =>
  queryOptions({
    queryKey: ["media", id],
    queryFn: ({ signal }) => api<MediaPartnershipDetail>(`/media-partnerships/${id}`, { signal }),
  });

/** The server checks every body against the contract. */
export const createMediaPartnership = (body: Record<string, unknown>) =>
  api<MediaPartnershipDetail>("/media-partnerships", { method: "POST", body });
export const addMediaItem = (id: string, body: Record<string, unknown>) =>
  api<MediaPartnershipDetail>(`/media-partnerships/${id}/items`, { method: "POST", body });
