import type {
  GroupCategory,
  GroupDetail,
  GroupEquipment,
  GroupStatus,
  GroupTotals,
  GroupType,
  TeamEvaluations,
} from "@toandan/contracts";
import type { GroupMemberPageSchema, GroupPageSchema, StaleGroupPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type GroupPage = z.infer<typeof GroupPageSchema>;
export type StaleGroupPage = z.infer<typeof StaleGroupPageSchema>;
export type GroupMemberPage = z.infer<typeof GroupMemberPageSchema>;

export const groupTypesQuery = queryOptions({
  queryKey: ["group-types"],
  queryFn: ({ signal }) => api<{ items: GroupType[] }>("/group-types", { signal }),
  staleTime: Infinity,
});

export type GroupFilters = {
  orgUnitId?: string;
  typeCode?: string;
  status?: GroupStatus;
  category?: GroupCategory;
};

export function groupListQuery(filters: GroupFilters) {
  return infiniteQueryOptions({
    queryKey: ["groups", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<GroupPage>("/groups", { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function staleGroupsQuery(orgUnitId: string | undefined) {
  return infiniteQueryOptions({
    queryKey: ["groups", "stale", orgUnitId ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<StaleGroupPage>("/groups/stale", { query: { orgUnitId, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** `at`: the date of the figures (a former unit's: a date it existed; default its last day). */
export function groupTotalsQuery(orgUnitId: string, at?: string) {
  return queryOptions({
    queryKey: ["groups", "totals", orgUnitId, at ?? null],
    queryFn: ({ signal }) => api<GroupTotals>("/groups/totals", { query: { orgUnitId, at }, signal }),
  });
}

export function groupQuery(id: string) {
  return queryOptions({
    queryKey: ["groups", "one", id],
    queryFn: ({ signal }) => api<GroupDetail>(`/groups/${id}`, { signal }),
  });
}

export function groupMembersQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: ["groups", "one", id, "members"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<GroupMemberPage>(`/groups/${id}/members`, { query: { cursor: pageParam, limit: 100 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A grassroots team's evaluation year (15/11 – 14/11): months served, ratings, the cap. */
export function teamEvaluationsQuery(id: string, year: number) {
  return queryOptions({
    queryKey: ["groups", "one", id, "year-evaluations", year],
    queryFn: ({ signal }) =>
      api<TeamEvaluations>(`/groups/${id}/year-evaluations`, { query: { year }, signal }),
  });
}

export function typeName(
  types: readonly GroupType[] | undefined,
  code: string,
  fallback: string,
  lang: string,
) {
  const found = types?.find((x) => x.code === code);
  if (!found) return fallback;
  return lang === "en" ? found.nameEn : found.nameVi;
}

/** A model's equipment counts, its ledger of installations and removals, and its online groups. */
export function groupEquipmentQuery(id: string) {
  return queryOptions({
    queryKey: ["groups", "one", id, "equipment"],
    queryFn: ({ signal }) => api<GroupEquipment>(`/groups/${id}/equipment`, { signal }),
  });
}

/** The server checks every body against the contract. */
export const installEquipment = (id: string, body: Record<string, unknown>) =>
  api<GroupEquipment>(`/groups/${id}/equipment/installations`, { method: "POST", body });
export const removeEquipment = (id: string, body: Record<string, unknown>) =>
  api<GroupEquipment>(`/groups/${id}/equipment/removals`, { method: "POST", body });
export const addChannel = (id: string, body: Record<string, unknown>) =>
  api<GroupEquipment>(`/groups/${id}/online-channels`, { method: "POST", body });
export const closeChannel = (id: string, channelId: string, body: Record<string, unknown>) =>
  api<GroupEquipment>(`/groups/${id}/online-channels/${channelId}/close`, { method: "POST", body });
