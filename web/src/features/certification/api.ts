import type {
  CertificationCycleDetail,
  CertificationCyclePageSchema,
  CertificationEvidence,
  CertificationHistoryPage,
  CertificationHistoryRates,
  CertificationHistorySchema,
  CertificationOverview,
  DisqualifyingEventPageSchema,
  ScoringSheetListSchema,
} from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../api/client";

export type CyclePage = z.infer<typeof CertificationCyclePageSchema>;
export type EventPage = z.infer<typeof DisqualifyingEventPageSchema>;
export type History = z.infer<typeof CertificationHistorySchema>;
export type SheetList = z.infer<typeof ScoringSheetListSchema>;

export function cyclesQuery(filters: { orgUnitId?: string | undefined; year: number }) {
  return queryOptions({
    queryKey: ["certification", "cycles", filters],
    queryFn: ({ signal }) =>
      api<CyclePage>("/certification/cycles", { query: { ...filters, limit: 500 }, signal }),
  });
}

export function overviewQuery(orgUnitId: string, year: number) {
  return queryOptions({
    queryKey: ["certification", "overview", orgUnitId, year],
    queryFn: ({ signal }) =>
      api<CertificationOverview>("/certification/overview", { query: { orgUnitId, year }, signal }),
  });
}

export function cycleQuery(id: string) {
  return queryOptions({
    queryKey: ["certification", "cycle", id],
    queryFn: ({ signal }) => api<CertificationCycleDetail>(`/certification/cycles/${id}`, { signal }),
  });
}

export function evidenceQuery(id: string) {
  return queryOptions({
    queryKey: ["certification", "evidence", id],
    queryFn: ({ signal }) => api<CertificationEvidence>(`/certification/cycles/${id}/evidence`, { signal }),
  });
}

export function historyQuery(unitId: string) {
  return queryOptions({
    queryKey: ["certification", "history", unitId],
    queryFn: ({ signal }) => api<History>(`/certification/units/${unitId}/history`, { signal }),
  });
}

export function eventsQuery(orgUnitId: string | undefined) {
  return queryOptions({
    queryKey: ["certification", "events", orgUnitId],
    queryFn: ({ signal }) =>
      api<EventPage>("/certification/disqualifying-events", { query: { orgUnitId, limit: 100 }, signal }),
  });
}

export const sheetsQuery = queryOptions({
  queryKey: ["certification", "sheets"],
  queryFn: ({ signal }) => api<SheetList>("/certification/scoring-sheets", { signal }),
});

/** Past years' rates (2013–2025) under a unit, its pre-reform predecessors included. */
export function historyRatesQuery(orgUnitId: string) {
  return queryOptions({
    queryKey: ["certification", "history-rates", orgUnitId],
    queryFn: ({ signal }) =>
      api<CertificationHistoryRates>("/certification/history/rates", { query: { orgUnitId }, signal }),
  });
}

/** Past results of one year that count under a unit. */
export function pastResultsQuery(orgUnitId: string, year: number) {
  return queryOptions({
    queryKey: ["certification", "past-results", orgUnitId, year],
    queryFn: ({ signal }) =>
      api<CertificationHistoryPage>("/certification/history", {
        query: { orgUnitId, year, limit: 200 },
        signal,
      }),
  });
}
