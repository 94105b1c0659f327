import type {
  CommitteeTotals,
  SteeringCommitteeDetail,
  SteeringCommitteePageSchema,
} from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type CommitteePage = z.infer<typeof SteeringCommitteePageSchema>;

export const committeeListQuery = () =>
  infiniteQueryOptions({
    queryKey: ["committees", "list"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<CommitteePage>("/committees", { query: { cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });

/** Committees and serving members in the caller's units (today). */
export const committeeTotalsQuery = () =>
  queryOptions({
    queryKey: ["committees", "totals"],
    queryFn: ({ signal }) => api<CommitteeTotals>("/committees/totals", { signal }),
  });

export const committeeQuery = (id: string) =>
  queryOptions({
    queryKey: ["committees", id],
    queryFn: ({ signal }) => api<SteeringCommitteeDetail>(`/committees/${id}`, { signal }),
  });

/** The server checks every body against the contract. */
export const createCommittee = (body: Record<string, unknown>) =>
  api<SteeringCommitteeDetail>("/committees", { method: "POST", body });

export const addMember = (id: string, body: Record<string, unknown>) =>
  api<unknown>(`/committees/${id}/members`, { method: "POST", body });

export const removeMember = (id: string, memberId: string, body: Record<string, unknown>) =>
  api<unknown>(`/committees/${id}/members/${memberId}/removal`, { method: "POST", body });

export const recordMeeting = (id: string, body: Record<string, unknown>) =>
  api<unknown>(`/committees/${id}/meetings`, { method: "POST", body });

export const assignTask = (id: string, body: Record<string, unknown>) =>
  api<unknown>(`/committees/${id}/assignments`, { method: "POST", body });

export const completeTask = (id: string, assignmentId: string, body: Record<string, unknown>) =>
  api<unknown>(`/committees/${id}/assignments/${assignmentId}/done`, { method: "POST", body });
