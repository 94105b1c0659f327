import type { LoginBody, SessionResponse } from "@toandan/contracts";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { api, isApiError, setCsrfToken } from "./client";

export const sessionQueryKey = ["session"] as const;

/**
 * The last signed-in user, kept so the console (and its offline capture) opens with no network.
 * Only the user, never the CSRF token: a write needs a live session (`refreshSession`).
 */
const LAST_USER_KEY = "toandan.lastUser";

function rememberUser(s: SessionResponse | null): void {
  try {
    if (s) localStorage.setItem(LAST_USER_KEY, JSON.stringify(s.user));
    else localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Private mode: the console needs the network to open.
  }
}

function lastUser(): SessionResponse["user"] | null {
  try {
    const raw = localStorage.getItem(LAST_USER_KEY);
    return raw ? (JSON.parse(raw) as SessionResponse["user"]) : null;
  } catch {
    return null;
  }
}

/** The signed-in user and CSRF token, or `null` when nobody is signed in. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const s = await api<SessionResponse>("/auth/me");
    setCsrfToken(s.csrfToken);
    rememberUser(s);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      rememberUser(null);
      return null;
    }
    // No network: the last user, without a token (nothing is written until the session answers).
    const user = isApiError(e) && e.code === "network_error" ? lastUser() : null;
    if (user) return { user, csrfToken: "" };
    throw e;
  }
}

/**
 * Asks the server who is signed in now (and for a fresh CSRF token) without leaving the page:
 * the account, `null` when the session has ended, or throws `network_error` when offline.
 */
export async function refreshSession(queryClient: QueryClient): Promise<SessionResponse | null> {
  try {
    const s = await api<SessionResponse>("/auth/me");
    setCsrfToken(s.csrfToken);
    rememberUser(s);
    queryClient.setQueryData(sessionQueryKey, s);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
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
  rememberUser(s);
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
  rememberUser(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
}
