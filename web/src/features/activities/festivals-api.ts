import type { Festival, FestivalList, FestivalOverview, Training } from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

export const festivalListQuery = (orgUnitId: string, year: number) =>
  queryOptions({
    queryKey: ["festivals", "list", orgUnitId, year],
    queryFn: ({ signal }) => api<FestivalList>("/festivals", { query: { orgUnitId, year }, signal }),
  });

export const festivalOverviewQuery = (orgUnitId: string, year: number) =>
  queryOptions({
    queryKey: ["festivals", "overview", orgUnitId, year],
    queryFn: ({ signal }) =>
      api<FestivalOverview>("/festivals/overview", { query: { orgUnitId, year }, signal }),
  });

/** The server checks every body against the contract. */
export const createFestival = (body: Record<string, unknown>) =>
  api<Festival>("/festivals", { method: "POST", body });

export const updateFestival = (id: string, body: Record<string, unknown>) =>
  api<Festival>(`/festivals/${id}`, { method: "PATCH", body });

export const recordFestivalHeld = (id: string, body: Record<string, unknown>) =>
  api<Festival>(`/festivals/${id}/held`, { method: "POST", body });

export const trainingQuery = (activityId: string) =>
  queryOptions({
    queryKey: ["activities", "training", activityId],
    queryFn: ({ signal }) => api<Training>(`/activities/${activityId}/training`, { signal }),
  });

export const recordTraining = (activityId: string, body: Record<string, unknown>) =>
  api<Training>(`/activities/${activityId}/training`, { method: "PUT", body });

/** Lines "Họ tên; Chức vụ; Đơn vị" → trainees (blank lines skipped, blank parts left out). */
export function traineesFromText(text: string) {
  return text
    .split("\n")
    .map((line) => line.split(";").map((p) => p.trim()))
    .filter((parts) => parts.some((p) => p !== ""))
    .map(([fullName = "", position = "", organisation = ""]) => ({
      fullName,
      ...(position ? { position } : {}),
      ...(organisation ? { organisation } : {}),
    }));
}

/** Venues typed one per line. */
export const linesOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
