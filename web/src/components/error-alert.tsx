import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorText } from "./error-text";

/** A failed call in words (from its error code, never the server's raw text), announced at once. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="outline" role="alert">
      {errorText(t, error)}
    </Alert>
  );
}
