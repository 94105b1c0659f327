import { queryOptions } from "@tanstack/react-query";
import type { MapValues } from "@toandan/contracts";
import { api } from "../../api/client";

/** An indicator's value for each child of a unit, keyed by the boundary files' codes. */
export function mapValuesQuery(orgUnitId: string, year: number, indicator: string | undefined) {
  return queryOptions({
    queryKey: ["map-values", orgUnitId, year, indicator ?? ""],
    queryFn: ({ signal }) =>
      api<MapValues>("/maps/values", {
        query: { orgUnitId, year, ...(indicator ? { indicator } : {}) },
        signal,
      }),
    // While another indicator loads, the same unit's map stays (never another unit's).
    placeholderData: (prev) => (prev?.orgUnitId === orgUnitId ? prev : undefined),
  });
}
