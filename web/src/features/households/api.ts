import type {
  CommitmentTemplateList,
  Coverage,
  HouseholdDetail,
  HouseholdImportJob,
  MemberOrgKind,
  SafeFamilyReview,
} from "@toandan/contracts";
import type { HouseholdPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type HouseholdPage = z.infer<typeof HouseholdPageSchema>;

export type HouseholdFilters = {
  orgUnitId?: string;
  q?: string;
  signedYear?: number;
  signed?: "true" | "false";
  memberOrg?: MemberOrgKind;
};

/** A page the cadre can scroll on a phone; search or "Xem thêm" reaches the rest. */
const HOUSEHOLD_PAGE_SIZE = 30;

export function householdListQuery(filters: HouseholdFilters) {
  return infiniteQueryOptions({
    queryKey: ["households", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<HouseholdPage>("/households", {
        query: { ...filters, cursor: pageParam, limit: HOUSEHOLD_PAGE_SIZE },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function householdQuery(id: string) {
  return queryOptions({
    queryKey: ["households", "one", id],
    queryFn: ({ signal }) => api<HouseholdDetail>(`/households/${id}`, { signal }),
  });
}

export function coverageQuery(orgUnitId: string, year: number) {
  return queryOptions({
    queryKey: ["households", "coverage", orgUnitId, year],
    queryFn: ({ signal }) =>
      api<Coverage>("/households/coverage", { query: { orgUnitId, year, groupBy: "child" }, signal }),
  });
}

/** Polled every 500 ms until the import is done or failed. */
export function importJobQuery(jobId: string | null) {
  return queryOptions({
    queryKey: ["household-import", jobId],
    queryFn: ({ signal }) => api<HouseholdImportJob>(`/household-imports/${jobId}`, { signal }),
    enabled: Boolean(jobId),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === "done" || s === "failed" ? false : 500;
    },
  });
}

/** The commitment forms a unit's households may sign: its own and its ancestors'. */
export function templatesQuery(orgUnitId: string) {
  return queryOptions({
    queryKey: ["households", "templates", orgUnitId],
    queryFn: ({ signal }) =>
      api<CommitmentTemplateList>("/commitment-templates", { query: { orgUnitId }, signal }),
  });
}

/** An area's households of a year with their safe-family recognition (the yearly review's list). */
export function safeFamilyReviewQuery(orgUnitId: string, year: number) {
  return queryOptions({
    queryKey: ["households", "safe-families", orgUnitId, year],
    queryFn: ({ signal }) =>
      api<SafeFamilyReview>("/households/safe-families", { query: { orgUnitId, year }, signal }),
  });
}
