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

export type BatchOperation = {
  operation: SyncOperation;
  params: Record<string, string>;
  /** Parameters still waiting for an earlier record's server id: name → that record's client id. */
  refs: Record<string, string>;
};

const REF = /^\{ref:([^}]+)\}$/;

/**
 * The batch operation of a record's request (its path with the ids of records already sent filled
 * in), or null when it must go alone: a photo, or a request the batch does not carry. A parameter
 * that is still `{ref:<client id>}` is given as a ref, which the server fills from that record's
 * answer when it goes earlier in the same batch.
 */
export function batchOperationOf(
  entry: Pick<OutboxEntry, "method" | "hasFile">,
  path: string,
): BatchOperation | null {
  if (entry.hasFile) return null;
  for (const p of PATTERNS) {
    if (p.method !== entry.method) continue;
    const m = p.path.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    const refs: Record<string, string> = {};
    p.params.forEach((name, i) => {
      const value = decodeURIComponent(m[i + 1]!);
      const ref = REF.exec(value);
      if (ref) refs[name] = ref[1]!;
      else params[name] = value;
    });
    return { operation: p.operation, params, refs };
  }
  return null;
}
