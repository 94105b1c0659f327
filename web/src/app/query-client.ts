import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "../api/client";

let onUnauthenticated: () => void = () => {};

/** The router registers what to do when the session ends under the user's feet. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

function handle(error: unknown): void {
  if (isApiError(error) && error.code === "unauthenticated") onUnauthenticated();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handle }),
  mutationCache: new MutationCache({ onError: handle }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status >= 500 || error.status === 0),
    },
  },
});
