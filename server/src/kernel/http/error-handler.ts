import { ERROR_MESSAGES, type ApiErrorBody, type ApiIssue } from "@toandan/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

/**
 * SQLSTATE raised by the period-lock triggers for a write dated in an approved, locked period; its
 * message, written for the user, names the period.
 */
export const DB_CONFLICT_SQLSTATE = "TD409";

function pgToAppError(error: PgError): AppError | null {
  // The driver's error, possibly wrapped by the query builder.
  const err = (error.cause && typeof error.cause === "object" ? error.cause : error) as PgError;
  if (err.code === "23505") return new AppError("conflict");
  if (err.code === "23503") return new AppError("reference_missing");
  if (err.code === DB_CONFLICT_SQLSTATE) return new AppError("period_locked", err.message);
  return null;
}

/** One place that turns every error into the documented body. Nothing internal leaks. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const ctx = error.validationContext;
      const issues: ApiIssue[] = error.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { path: ctx && ctx !== "body" ? `${ctx}${p ? `.${p}` : ""}` : p, message: v.message ?? "" };
      });
      appError = new AppError("validation_failed", ERROR_MESSAGES.validation_failed.vi, { issues });
    } else if (error.statusCode === 413 || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      appError = new AppError("payload_too_large");
    } else if (error.statusCode === 429) {
      appError = new AppError("rate_limited");
    } else if (
      error.statusCode === 400 ||
      error.statusCode === 415 ||
      error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
    ) {
      appError = new AppError("validation_failed", ERROR_MESSAGES.validation_failed.vi, {
        issues: [{ path: "", message: "Nội dung yêu cầu không đọc được (JSON không hợp lệ?)" }],
      });
    } else {
      appError = pgToAppError(error) ?? new AppError("internal_error");
      if (appError.code === "internal_error") req.log.error({ err: error }, "unhandled error");
    }
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.issues ? { issues: appError.issues } : {}),
        requestId: String(req.id),
      },
    };
    if (appError.headers) void reply.headers(appError.headers);
    void reply.status(appError.status).type("application/json").send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ApiErrorBody = {
      error: { code: "not_found", message: ERROR_MESSAGES.not_found.vi, requestId: String(req.id) },
    };
    void reply.status(404).type("application/json").send(body);
  });
}
