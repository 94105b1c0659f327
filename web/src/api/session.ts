import type { LoginBody, SessionResponse } from "@toandan/contracts";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { api, isApiError, setCsrfToken } from "./client";

export const sessionQueryKey = ["session"] as const;

/** The signed-in user and CSRF token, or `null` when nobody is signed in. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const s = await api<SessionResponse>("/auth/me");
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: Infinity,
  retry: false,
});

export async function signIn(queryClient: QueryClient, body: LoginBody): Promise<SessionResponse> {
  const s = await api<SessionResponse>("/auth/login", { method: "POST", body });
  setCsrfToken(s.csrfToken);
  queryClient.setQueryData(sessionQueryKey, s);
  return s;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api("/auth/logout", { method: "POST" });
  } finally {
    forgetSession(queryClient);
  }
}

/** Drops every cached answer of the previous user. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
}
