import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { api, isApiError } from "../../api/client";

/** Server issues land on their fields, in the server's Vietnamese words (they name the rule broken). */
export function placeIssues<T extends FieldValues>(
  e: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
) {
  if (!isApiError(e) || e.code !== "validation_failed") return false;
  let placed = false;
  for (const issue of e.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field) {
      setError(field, { type: "server", message: issue.message });
      placed = true;
    }
  }
  return placed;
}

export function useGroupWrite<TBody>(groupId: string, path: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<unknown>(`/groups/${groupId}${path}`, { method: "POST", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      onDone();
    },
  });
}
