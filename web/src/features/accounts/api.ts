import type { Account, RoleGrant, UpdateAccountBody } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { AccountPageSchema, RoleInfoSchema } from "@toandan/contracts";
import { api } from "../../api/client";

export type AccountPage = z.infer<typeof AccountPageSchema>;
export type RoleInfo = z.infer<typeof RoleInfoSchema>;

export function accountListQuery(q: string | undefined) {
  return infiniteQueryOptions({
    queryKey: ["accounts", { q: q ?? null }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AccountPage>("/accounts", { query: { q, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const rolesQuery = queryOptions({
  queryKey: ["roles"],
  queryFn: ({ signal }) => api<{ items: RoleInfo[] }>("/roles", { signal }),
  staleTime: Infinity,
});

export function updateAccount(id: string, body: UpdateAccountBody) {
  return api<Account>(`/accounts/${id}`, { method: "PATCH", body });
}

export type CreateAccountValues = {
  username: string;
  displayName: string;
  password: string;
  roles: RoleGrant[];
};
