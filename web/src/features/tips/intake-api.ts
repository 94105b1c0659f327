import type {
  ListRemoteCommunesQuery,
  RecordTipIntakeResult,
  RemoteCommune,
  RemoteCommunePage,
  SetRemoteCommuneBody,
  TipIntakeOptions,
} from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

/** Where and how the caller may record a report: the server's answer, never guessed here. */
export const intakeOptionsQuery = queryOptions({
  queryKey: ["tips", "intake-options"],
  queryFn: ({ signal }) => api<TipIntakeOptions>("/tips/intake/options", { signal }),
});

export const recordTipIntake = (body: Record<string, unknown>) =>
  api<RecordTipIntakeResult>("/tips/intake", { method: "POST", body });

export function remoteCommunesQuery(filters: Partial<Pick<ListRemoteCommunesQuery, "q" | "status">>) {
  return infiniteQueryOptions({
    queryKey: ["remote-communes", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<RemoteCommunePage>("/remote-communes", {
        query: { ...filters, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const setRemoteCommune = (orgUnitId: string, body: SetRemoteCommuneBody | Record<string, unknown>) =>
  api<RemoteCommune>(`/remote-communes/${orgUnitId}`, { method: "PUT", body });
