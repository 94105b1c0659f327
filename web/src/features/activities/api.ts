import type {
  ActivityDetail,
  ActivityChannel,
  ActivityKind,
  ActivityTopic,
  ActivityTotals,
  BodyKind,
  OrganizerBodies,
} from "@toandan/contracts";
import type { ActivityPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type ActivityPage = z.infer<typeof ActivityPageSchema>;

export type ActivityFilters = {
  orgUnitId?: string;
  from?: string;
  to?: string;
  kind?: ActivityKind;
  topic?: ActivityTopic;
  channel?: ActivityChannel;
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
    queryFn: ({ signal }) => api<ActivityDetail>(`/activities/${id}`, { signal }),
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
 * The bodies that may organise an activity at `unitId`, by unit: the unit's own, then each
 * ancestor's (ward, province…), in one request the user may make even when it cannot read those
 * ancestors. The server accepts exactly these as organisers.
 */
export function organizerChoicesQuery(unitId: string | null) {
  return queryOptions({
    queryKey: ["org-unit", unitId ?? "", "organizer-bodies"],
    queryFn: ({ signal }) => api<OrganizerBodies>(`/org-units/${unitId}/organizer-bodies`, { signal }),
    enabled: Boolean(unitId),
    staleTime: 60_000,
  });
}

export function useOrganizerChoices(unitId: string | null) {
  const choices = useQuery(organizerChoicesQuery(unitId));
  return {
    levels: choices.data?.levels ?? [],
    isPending: choices.isPending && Boolean(unitId),
    error: choices.error,
  };
}
