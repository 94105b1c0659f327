import type { ListSupervisionsQuery, SupervisionDetail, SupervisionPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type SupervisionPage = z.infer<typeof SupervisionPageSchema>;
export type SupervisionFilter = Pick<ListSupervisionsQuery, "status" | "year" | "orgUnitId">;

export const supervisionListQuery = (filter: SupervisionFilter) =>
  infiniteQueryOptions({
    queryKey: ["supervisions", "list", filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<SupervisionPage>("/supervisions", { query: { ...filter, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });

export const supervisionQuery = (id: string) =>
  queryOptions({
    queryKey: ["supervisions", id],
    queryFn: ({ signal }) => api<SupervisionDetail>(`/supervisions/${id}`, { signal }),
  });

/** The plans of a unit, to choose the one supervised. */
export const unitPlansQuery = (orgUnitId: string | null) =>
  queryOptions({
    queryKey: ["supervisions", "plans-of", orgUnitId],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; number: string; title: string }[] }>("/plans", {
        query: { orgUnitId: orgUnitId ?? undefined, limit: 100 },
        signal,
      }),
    enabled: Boolean(orgUnitId),
  });

/** The server checks every body against the contract. */
export const createSupervision = (body: Record<string, unknown>) =>
  api<SupervisionDetail>("/supervisions", { method: "POST", body });

export const recordFinding = (id: string, body: Record<string, unknown>) =>
  api<SupervisionDetail>(`/supervisions/${id}/findings`, { method: "POST", body });

export const addRecommendation = (id: string, body: Record<string, unknown>) =>
  api<SupervisionDetail>(`/supervisions/${id}/recommendations`, { method: "POST", body });

export const recordResponse = (id: string, recommendationId: string, body: Record<string, unknown>) =>
  api<SupervisionDetail>(`/supervisions/${id}/recommendations/${recommendationId}/response`, {
    method: "POST",
    body,
  });

export const closeSupervision = (id: string, body: Record<string, unknown>) =>
  api<SupervisionDetail>(`/supervisions/${id}/close`, { method: "POST", body });
