import type { SyncOperation } from "@toandan/contracts";
import type { OutboxEntry } from "./db";

type Pattern = { method: OutboxEntry["method"]; path: RegExp; operation: SyncOperation; params: string[] };

/** The outbox's requests the batch route (syncBatch) carries; a photo upload is sent on its own. */
const PATTERNS: Pattern[] = [
  { method: "POST", path: /^\/activities$/, operation: "createActivity", params: [] },
  { method: "PATCH", path: /^\/activities\/([^/]+)$/, operation: "updateActivity", params: ["id"] },
  { method: "POST", path: /^\/households$/, operation: "createHousehold", params: [] },
  { method: "PATCH", path: /^\/households\/([^/]+)$/, operation: "updateHousehold", params: ["id"] },
  {
    method: "POST",
    path: /^\/households\/([^/]+)\/commitments$/,
    operation: "recordCommitment",
    params: ["id"],
  },
  { method: "POST", path: /^\/groups\/([^/]+)\/members$/, operation: "addGroupMember", params: ["id"] },
  {
    method: "POST",
    path: /^\/groups\/([^/]+)\/members\/([^/]+)\/leave$/,
    operation: "removeGroupMember",
    params: ["id", "memberId"],
  },
  { method: "POST", path: /^\/groups\/([^/]+)\/duty-logs$/, operation: "createDutyLog", params: ["id"] },
  {
    method: "PATCH",
    path: /^\/groups\/([^/]+)\/duty-logs\/([^/]+)$/,
    operation: "updateDutyLog",
    params: ["id", "logId"],
  },
];

export type BatchOperation = { operation: SyncOperation; params: Record<string, string> };

/**
 * The batch operation of a record's request (its path with earlier records' ids filled in), or null
 * when it must go alone: a photo, a path still waiting for an id, a request the batch does not carry.
 */
export function batchOperationOf(
  entry: Pick<OutboxEntry, "method" | "hasFile">,
  path: string,
): BatchOperation | null {
  if (entry.hasFile || path.includes("{ref:")) return null;
  for (const p of PATTERNS) {
    if (p.method !== entry.method) continue;
    const m = p.path.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    p.params.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    return { operation: p.operation, params };
  }
  return null;
}
