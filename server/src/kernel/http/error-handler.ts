import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { ERROR_MESSAGES, ERROR_STATUS, type ApiErrorBody, type ApiIssue } from "@toandan/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown; errors?: unknown };

/**
 * SQLSTATE raised by the period-lock triggers for a write dated in an approved, locked period; its
 * message, written for the user, names the period.
 */
export const DB_CONFLICT_SQLSTATE = "TD409";

/** Seconds a client is asked to wait while the database is unreachable (it usually is back sooner). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Errors that mean the database cannot be reached right now, not that the request is wrong: the
 * socket refused or cut (a restart, a failover, pg_terminate_backend), SQLSTATE class 08
 * (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many
 * connections), and the pool's own timeouts and "Connection terminated".
 */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Connection refused/i;

/** Whether an error (or one it wraps) says the database is unreachable. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  const e = error as PgError;
  if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) {
    return true;
  }
  if (typeof e.message === "string" && UNREACHABLE_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnreachable(x, depth + 1))) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}

/** A database error the client can act on, or null for an internal one. */
export function pgToAppError(error: PgError): AppError | null {
  if (isDatabaseUnreachable(error)) {
    return new AppError("service_unavailable", undefined, {
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  }
  // The driver's error, possibly wrapped by the query builder.
  const err = (error.cause && typeof error.cause === "object" ? error.cause : error) as PgError;
  if (err.code === "23505") return new AppError("conflict");
  if (err.code === "23503") return new AppError("reference_missing");
  if (err.code === DB_CONFLICT_SQLSTATE) return new AppError("period_locked", err.message);
  return null;
}

const UNREADABLE_BODY = "Nội dung yêu cầu không đọc được (JSON không hợp lệ?)";

/**
 * A refusal made by Fastify or a plugin (body parser, router, multipart, rate limit), by its
 * status: each has its code in the one error shape. An unknown method on a known path is 404
 * `not_found` like an unknown path (Fastify's router answers both alike; no 405).
 */
function frameworkRefusal(error: FastifyError): AppError | null {
  const status = error.statusCode;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new AppError("payload_too_large");
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new AppError("unsupported_media_type");
  if (typeof status !== "number" || status < 400 || status >= 500) return null;
  switch (status) {
    case 404:
      return new AppError("not_found");
    case 406:
      return new AppError("not_acceptable");
    case 413:
      return new AppError("payload_too_large");
    case 414:
      return new AppError("uri_too_long");
    case 415:
      return new AppError("unsupported_media_type");
    case 429:
      return new AppError("rate_limited");
    case 431:
      return new AppError("headers_too_large");
    default:
      return new AppError("validation_failed", ERROR_MESSAGES.validation_failed.vi, {
        issues: [{ path: "", message: UNREADABLE_BODY }],
      });
  }
}

/** Every error as an AppError: ours, a schema validation, a framework refusal, a database error. */
export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const ctx = error.validationContext;
    const issues: ApiIssue[] = error.validation.map((v) => {
      const p = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
      return { path: ctx && ctx !== "body" ? `${ctx}${p ? `.${p}` : ""}` : p, message: v.message ?? "" };
    });
    return new AppError("validation_failed", ERROR_MESSAGES.validation_failed.vi, { issues });
  }
  return frameworkRefusal(error) ?? pgToAppError(error) ?? new AppError("internal_error");
}

function bodyOf(appError: AppError, requestId: string): ApiErrorBody {
  return {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.issues ? { issues: appError.issues } : {}),
      requestId,
    },
  };
}

function sendError(req: FastifyRequest, reply: FastifyReply, error: FastifyError): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === "internal_error") req.log.error({ err: error }, "unhandled error");
  else if (appError.code === "service_unavailable") req.log.warn({ err: error }, "database unreachable");
  if (appError.headers) void reply.headers(appError.headers);
  return reply
    .status(appError.status)
    .type("application/json")
    .send(bodyOf(appError, String(req.id)));
}

/** One place that turns every error into the documented body. Nothing internal leaks. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    void sendError(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .type("application/json")
      .send(bodyOf(new AppError("not_found"), String(req.id)));
  });
}

/**
 * Fastify's `frameworkErrors` option: refusals the router makes before any route or hook (a URL
 * that does not decode, a path parameter over `maxParamLength`), in the error shape.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  void sendError(req, reply, error);
}

/**
 * The largest request line (method, URL, version) answered 431 rather than 414 when Node's parser
 * overflows `maxHeaderSize`: the URL is the culprit when its line alone is this long.
 */
const LONG_REQUEST_LINE = 8 * 1024;

type ClientError = Error & { code?: string; rawPacket?: unknown };

/** The code for a request Node's HTTP parser refused before Fastify saw it. */
function clientErrorCode(err: ClientError): AppError {
  if (err.code === "HPE_HEADER_OVERFLOW") {
    const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined;
    const lineEnd = raw ? raw.indexOf("\r\n") : -1;
    return lineEnd === -1 || lineEnd > LONG_REQUEST_LINE
      ? new AppError("uri_too_long")
      : new AppError("headers_too_large");
  }
  if (err.code === "HPE_URI_TOO_LONG") return new AppError("uri_too_long");
  return new AppError("validation_failed", "Yêu cầu HTTP không hợp lệ.");
}

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser refuses (header fields over
 * `maxHeaderSize` — 431, or 414 when the URL is what overflows —, a malformed request line or
 * header, a timeout) never reaches Fastify, so the error shape is written to the socket here, with
 * a request id of its own. Nothing of the request is logged.
 */
export function clientErrorHandler(this: FastifyInstance, err: ClientError, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const timeout = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const appError = timeout
    ? new AppError("validation_failed", "Yêu cầu gửi quá chậm.")
    : clientErrorCode(err);
  const status = timeout ? 408 : ERROR_STATUS[appError.code];
  const requestId = randomUUID();
  this.log.debug({ code: err.code, status, requestId }, "client error");
  const sending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || sending?.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(bodyOf(appError, requestId));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Bad Request"}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
