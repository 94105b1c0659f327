import type { OutboxEntry, OutboxIssue } from "./db";

/** A failed request as the API client reports it (`ApiError`): status 0 when no answer arrived. */
export type SendError = {
  status: number;
  code: string;
  issues?: OutboxIssue[];
  serverMessage?: string | null;
};

export type SendRequest = {
  method: OutboxEntry["method"];
  path: string;
  body?: unknown;
  file?: { data: ArrayBuffer; type: string; name: string };
  headers: Record<string, string>;
  signal: AbortSignal;
};

const RETRY_STATUSES = new Set([0, 408, 425, 429, 500, 502, 503, 504]);

function isSendError(e: unknown): e is SendError {
  return typeof e === "object" && e !== null && typeof (e as SendError).status === "number";
}

type Verdict =
  | { kind: "retry" }
  | { kind: "signedOut" }
  | { kind: "park"; state: "failed" | "conflict" | "locked"; error: NonNullable<OutboxEntry["error"]> };

/** What an error means for the record: resend later, wait for a session, or show it to the cadre. */
export function classify(e: unknown): Verdict {
  if (!isSendError(e)) return { kind: "retry" }; // an abort, a timeout, a dropped connection
  if (RETRY_STATUSES.has(e.status) || e.status >= 500) return { kind: "retry" };
  if (e.status === 401) return { kind: "signedOut" };
  if (e.code === "csrf_invalid") return { kind: "retry" }; // the next pass asks for a fresh token
  const error = { code: e.code, message: e.serverMessage ?? null, issues: e.issues ?? [] };
  if (e.code === "version_conflict" || e.status === 412) return { kind: "park", state: "conflict", error };
  if (e.code === "period_locked") return { kind: "park", state: "locked", error };
  return { kind: "park", state: "failed", error };
}

/**
 * The edited record in what its `readPath` answered: the record itself, or the list it is in (a
 * duty log is read from its team's list), found by the last segment of the edit's path.
 */
export function recordIn(answer: unknown, path: string): unknown {
  const items = (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return answer;
  const id = path.split("/").pop();
  return items.find((i) => (i as { id?: unknown } | null)?.id === id);
}
