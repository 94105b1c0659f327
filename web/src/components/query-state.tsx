import { Button, Loader, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert";

/** Loader, error with a retry button, or the content once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: Pick<UseQueryResult<T>, "data" | "error" | "isError" | "refetch">;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation("console");
  if (query.isError) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorAlert error={query.error} />
        <Button variant="default" size="xs" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </Button>
      </Stack>
    );
  }
  if (query.data === undefined) return <Loader aria-label={t("common.loading")} />;
  return <>{children(query.data)}</>;
}
