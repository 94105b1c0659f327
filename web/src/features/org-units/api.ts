import type { OrgUnitDetail, OrgUnitKind } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { OrgUnitPage } from "../../api/org-units";

export function unitDetailQuery(id: string, at: string | undefined) {
  return queryOptions({
    queryKey: ["org-unit", id, at ?? null],
    queryFn: ({ signal }) => api<OrgUnitDetail>(`/org-units/${id}`, { query: { at }, signal }),
  });
}

export type UnitListParams = {
  q?: string;
  parentId?: string;
  kind?: OrgUnitKind;
  at?: string;
  includeHistoric?: boolean;
  limit: number;
};

/** A paged list of units (search, children of a unit); the first page also asks for the total. */
export function unitListQuery(params: UnitListParams) {
  return infiniteQueryOptions({
    queryKey: ["org-units", params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<OrgUnitPage>("/org-units", {
        query: {
          ...params,
          includeHistoric: params.includeHistoric ? "true" : undefined,
          withTotal: pageParam ? undefined : "true",
          cursor: pageParam,
        },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
