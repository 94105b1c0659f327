import { ERROR_MESSAGES, type ErrorCode } from "@toandan/contracts";
import type { TFunction } from "i18next";
import { isApiError } from "../api/client";

/** Codes with their own text; `internal_error` (and anything unknown) shows the request id instead. */
const HAS_TEXT: Record<ErrorCode | "network_error", boolean> = {
  validation_failed: true,
  unauthenticated: true,
  invalid_credentials: true,
  account_locked: true,
  account_disabled: true,
  csrf_invalid: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  reference_missing: true,
  invalid_transition: true,
  payload_too_large: true,
  rate_limited: true,
  internal_error: false,
  network_error: true,
};

/**
 * The server's own sentence for a conflict it explains (a period approved and locked, a document
 * number already used), rather than the generic "trùng hoặc xung đột"; null for a bare conflict.
 */
function domainConflict(error: { code: string; serverMessage: string | null }): string | null {
  if (error.code !== "conflict" || !error.serverMessage) return null;
  return error.serverMessage === ERROR_MESSAGES.conflict.vi ? null : error.serverMessage;
}

/**
 * The UI text for any failure: translated from the error code; a conflict the server explains
 * (its own Vietnamese sentence) is shown in the server's words.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const message = domainConflict(error);
    if (message) return t("errors.domainConflict", { message });
    if (HAS_TEXT[error.code]) return t(`errors.${error.code}` as "errors.conflict");
    if (error.requestId) return t("errors.fallback", { requestId: error.requestId });
  }
  return t("errors.fallbackNoId");
}
