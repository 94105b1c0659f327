import type { OrgUnitDetail, OrgUnitPageSchema } from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

/** A page of units from `GET /org-units` (search, children of a unit, a kind). */
export type OrgUnitPage = z.infer<typeof OrgUnitPageSchema>;

/**
 * A unit with its bodies (Mặt trận, Công an, hội…): the issuers, organisers and responsible bodies
 * every form chooses from. Shares its cache entry with the unit page's today view.
 */
export function unitBodiesQuery(id: string | null) {
  return queryOptions({
    queryKey: ["org-unit", id ?? "", null],
    queryFn: ({ signal }) => api<OrgUnitDetail>(`/org-units/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
