import type { FieldErrors, FieldValues } from "react-hook-form";
import { ErrorAlert } from "./error-alert";

/**
 * The failure of a form's last submit, above its fields, when no field shows it already (the
 * server's issues are placed on the fields with `applyApiIssues`).
 */
export function FormError<T extends FieldValues>({
  error,
  fieldErrors,
}: {
  error: unknown;
  fieldErrors?: FieldErrors<T>;
}) {
  if (!error || (fieldErrors && Object.keys(fieldErrors).length > 0)) return null;
  return <ErrorAlert error={error} />;
}
