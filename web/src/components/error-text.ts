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
  period_locked: true,
  idempotency_key_reused: true,
  record_restricted: true,
  version_conflict: true,
  payload_too_large: true,
  rate_limited: true,
  uri_too_long: true,
  headers_too_large: true,
  unsupported_media_type: true,
  not_acceptable: true,
  internal_error: false,
  service_unavailable: true,
  network_error: true,
};

/**
 * The server's own sentence where it names what is in the way — the locked period ("Kỳ báo cáo
 * 01/01/2026–30/06/2026 đã được duyệt…"), a document number already used — rather than the generic
 * "trùng hoặc xung đột"; null for a bare conflict (the server's default sentence).
 */
function domainConflict(error: { code: string; serverMessage: string | null }): string | null {
  if (error.code !== "conflict" && error.code !== "period_locked") return null;
  if (!error.serverMessage || error.serverMessage === ERROR_MESSAGES.conflict.vi) return null;
  return error.serverMessage;
}

/**
 * The UI text for any failure: translated from the error code; a conflict the server explains
 * (its own Vietnamese sentence) is shown in the server's words.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const message = domainConflict(error);
    if (message) {
      const generic = t(`errors.${error.code}` as "errors.conflict");
      return t("errors.serverSays", { generic, message });
    }
    if (HAS_TEXT[error.code]) return t(`errors.${error.code}` as "errors.conflict");
    if (error.requestId) return t("errors.fallback", { requestId: error.requestId });
  }
  return t("errors.fallbackNoId");
}
