import { Alert, List } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api, isApiError } from "../../api/client";
import { errorText } from "../../components/error-text";
import { issuesByField } from "../../lib/forms";

/** Issues by field path: from the shared contract before sending, from the server after. */
export type Issues = Partial<Record<string, string>>;

/**
 * A certification write: validates the body with the contract schema first (nothing is sent when it
 * fails), then posts it; field issues from either side land in `issues`.
 */
export function useCertWrite<T>(
  path: string,
  schema: z.ZodType<T>,
  onDone?: () => void,
  method: "POST" | "PUT" = "POST",
) {
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<Issues>({});
  const mutation = useMutation({
    mutationFn: (body: T) => api<unknown>(path, { method, body }),
    onSuccess: async () => {
      setIssues({});
      await queryClient.invalidateQueries({ queryKey: ["certification"] });
      onDone?.();
    },
    onError: (e) => {
      if (isApiError(e)) setIssues(issuesByField(e.issues));
    },
  });
  const submit = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      setIssues(
        issuesByField(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
      );
      return;
    }
    mutation.mutate(parsed.data);
  };
  return { submit, issues, mutation };
}

/** The error of a failed write, with the server's issues listed (e.g. what the dossier lacks). */
export function WriteError({ error, issues }: { error: unknown; issues: Issues }) {
  const { t: tp } = useTranslation();
  const { t } = useTranslation("certification");
  if (!error && Object.keys(issues).length === 0) return null;
  const list = Object.entries(issues);
  return (
    <Alert color="red" variant="outline" role="alert">
      {error ? errorText(tp, error) : t("fixErrors")}
      {isApiError(error) && error.code !== "validation_failed" && list.length > 0 && (
        <List size="sm" mt="xs">
          {list.map(([path, message]) => (
            <List.Item key={path}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
