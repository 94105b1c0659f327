import { useEffect, useRef } from "react";
import type { FieldErrors, FieldValues } from "react-hook-form";
import { ErrorAlert } from "./error-alert";

/**
 * The failure of a form's last submit, above its fields, when no field shows it already (the
 * server's issues are placed on the fields with `applyApiIssues`). It is brought into view: the
 * submit button of a long form is far below it (a write refused by a locked period, say).
 */
export function FormError<T extends FieldValues>({
  error,
  fieldErrors,
}: {
  error: unknown;
  fieldErrors?: FieldErrors<T>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Boolean(error) && !(fieldErrors && Object.keys(fieldErrors).length > 0);
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: "center", behavior: "smooth" });
  }, [shown, error]);
  if (!shown) return null;
  return (
    <div ref={ref}>
      <ErrorAlert error={error} />
    </div>
  );
}
