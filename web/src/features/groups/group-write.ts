import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

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
