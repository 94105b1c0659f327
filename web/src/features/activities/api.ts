import type {
  Activity,
  ActivityKind,
  ActivityTopic,
  ActivityTotals,
  BodyKind,
  OrgUnitDetail,
} from "@toandan/contracts";
import type { ActivityPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type ActivityPage = z.infer<typeof ActivityPageSchema>;

export type ActivityFilters = {
  orgUnitId?: string;
  from?: string;
  to?: string;
  kind?: ActivityKind;
  topic?: ActivityTopic;
  bodyKind?: BodyKind;
  tag?: string;
};

export function activityListQuery(filters: ActivityFilters) {
  return infiniteQueryOptions({
    queryKey: ["activities", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ActivityPage>("/activities", { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function activityQuery(id: string) {
  return queryOptions({
    queryKey: ["activities", "one", id],
    queryFn: ({ signal }) => api<Activity>(`/activities/${id}`, { signal }),
  });
}

export type TotalsGroupBy = "body" | "child" | "kind" | "topic";

export function activityTotalsQuery(
  params: Omit<ActivityFilters, "orgUnitId" | "tag" | "from" | "to"> & {
    orgUnitId: string;
    from: string;
    to: string;
    groupBy: TotalsGroupBy;
  },
) {
  return queryOptions({
    queryKey: ["activities", "totals", params],
    queryFn: ({ signal }) => api<ActivityTotals>("/activities/totals", { query: params, signal }),
  });
}

/**
 * The bodies that may organise an activity at `unitId`: those of the unit and of each ancestor the
 * user can see (ancestors above the user's scope answer 404 and are left out).
 */
export function useOrganizerChoices(unitId: string | null) {
  const unit = useQuery({
    queryKey: ["org-unit", unitId ?? "", null],
    queryFn: ({ signal }) => api<OrgUnitDetail>(`/org-units/${unitId}`, { signal }),
    enabled: Boolean(unitId),
    staleTime: 60_000,
  });
  const ancestors = unit.data?.ancestors ?? [];
  const details = useQueries({
    queries: ancestors.map((a) => ({
      queryKey: ["org-unit", a.id, null],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<OrgUnitDetail>(`/org-units/${a.id}`, { signal }),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const levels = [unit.data, ...details.map((d) => d.data)]
    .filter((u): u is OrgUnitDetail => Boolean(u))
    .filter((u) => u.bodies.length > 0);
  return { levels, isPending: unit.isPending && Boolean(unitId) };
}
