import type { Commendation, CommendationPageSchema, COMMENDATION_STATUSES } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type CommendationStatus = (typeof COMMENDATION_STATUSES)[number];

export function commendationListQuery(status?: CommendationStatus) {
  return infiniteQueryOptions({
    queryKey: ["commendations", "list", status ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<z.infer<typeof CommendationPageSchema>>("/commendations", {
        query: { status, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const commendationQuery = (id: string) =>
  queryOptions({
    queryKey: ["commendations", id],
    queryFn: ({ signal }) => api<Commendation>(`/commendations/${id}`, { signal }),
  });

export const nominate = (body: Record<string, unknown>) =>
  api<Commendation>("/commendations", { method: "POST", body });

/** One step on a nomination: `endorsements`, `decision`, `consent` or `publication`. */
export const commendationStep = (
  id: string,
  step: "endorsements" | "decision" | "consent" | "publication",
  body: Record<string, unknown>,
) => api<unknown>(`/commendations/${id}/${step}`, { method: "POST", body });
