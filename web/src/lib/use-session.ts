import type { CurrentUser } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "../api/session";

export function useSession() {
  return useQuery(sessionQuery).data ?? null;
}

/** The signed-in user; console pages render only inside the shell, which requires a session. */
export function useCurrentUser(): CurrentUser {
  const session = useSession();
  if (!session) throw new Error("useCurrentUser outside a signed-in page");
  return session.user;
}
