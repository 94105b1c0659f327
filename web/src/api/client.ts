import type { ApiIssue, ErrorCode } from "@toandan/contracts";

/** A failed API call, parsed from the shared error shape `{ error: { code, message, issues, requestId } }`. */
export class ApiError extends Error {
  readonly status: number;
  /** A code from contracts/src/errors.ts, or `network_error` when no response arrived. */
  readonly code: ErrorCode | "network_error";
  readonly issues: ApiIssue[];
  readonly requestId: string | null;
  /** The server's own sentence (`error.message`), written for the user in Vietnamese. */
  readonly serverMessage: string | null;
  /** Seconds until a locked or rate-limited request may be retried (`Retry-After`). */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: ErrorCode | "network_error";
    issues?: ApiIssue[];
    requestId?: string | null;
    serverMessage?: string | null;
    retryAfter?: number | null;
  }) {
    super(init.code);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
    this.serverMessage = init.serverMessage ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the token from `login` / `getCurrentUser`; every non-GET request sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (`Idempotency-Key`, `If-Match` of the offline outbox). */
  headers?: Record<string, string>;
};

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic error.
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  const code = typeof err?.code === "string" ? (err.code as ErrorCode) : "internal_error";
  const issues = Array.isArray(err?.issues)
    ? (err.issues as unknown[]).filter(
        (i): i is ApiIssue =>
          typeof (i as ApiIssue)?.path === "string" && typeof (i as ApiIssue)?.message === "string",
      )
    : [];
  return new ApiError({
    status: res.status,
    code,
    issues,
    requestId: typeof err?.requestId === "string" ? err.requestId : null,
    serverMessage: typeof err?.message === "string" && err.message ? err.message : null,
    retryAfter: parseRetryAfter(res.headers.get("retry-after")),
  });
}

/** Calls `/api/v1{path}` with the session cookie; throws `ApiError` on any failure. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { ...opts.headers, accept: "application/json" };
  const isForm = typeof FormData !== "undefined" && opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method,
      headers,
      credentials: "same-origin",
      body:
        opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError({ status: 0, code: "network_error" });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}
