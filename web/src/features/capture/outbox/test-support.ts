// Shared set-up of the outbox tests (not a test file itself): a fresh device database and clock per
// test, the engine's test defaults, what the API client throws, and the records the cadre queues.
import "fake-indexeddb/auto";
import type { SyncBatchEntry, SyncBatchResult } from "@toandan/contracts";
import { afterEach, beforeEach } from "vitest";
import { CaptureDb } from "./db";
import { refTo, type NewEntry } from "./outbox";
import { batchOperationOf } from "./operations";
import { SyncEngine, type SendError, type SendRequest, type SyncDeps } from "./sync";

export const START = 1_000_000;

export type CaptureTest = { db: CaptureDb; now: number };

/** A capture database of its own per test (deleted after it) and a clock the engine reads. */
export function captureTest(): CaptureTest {
  const t = { now: START } as CaptureTest;
  beforeEach(() => {
    t.db = new CaptureDb(`test-${Math.random()}`);
    t.now = START;
  });
  afterEach(async () => {
    t.db.close();
    await t.db.delete();
  });
  return t;
}

/** An engine on the test's database and clock: jitter fixed at 0.5, back-off from 1 s up to 60 s. */
export function testEngine(
  t: CaptureTest,
  deps: Pick<SyncDeps, "send" | "read" | "session"> & Partial<SyncDeps>,
) {
  return new SyncEngine({
    db: t.db,
    now: () => t.now,
    random: () => 0.5,
    backoff: { baseMs: 1000, maxMs: 60_000 },
    ...deps,
  });
}

/** What the API client throws (`ApiError` carries the same fields). */
export class HttpError extends Error implements SendError {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export const activity = (title: string, accountId = "acc-1"): NewEntry => ({
  accountId,
  kind: "activity",
  method: "POST",
  path: "/activities",
  body: { title },
  summary: title,
});

export const household = (body: unknown = {}): NewEntry => ({
  accountId: "acc-1",
  kind: "household",
  method: "POST",
  path: "/households",
  body,
  summary: "hộ",
});

/** The commitment entered with a household: it needs the household's server id. */
export const commitmentOf = (householdId: string, body: unknown = { year: 2026 }): NewEntry => ({
  accountId: "acc-1",
  kind: "commitment",
  method: "POST",
  path: `/households/${refTo(householdId)}/commitments`,
  after: householdId,
  body,
  summary: "cam kết",
});

/** The signed sheet's photo of that commitment, sent alone as a file. */
export const scanOf = (householdId: string, commitmentId: string, bytes = [0xff, 0xd8, 0xff]): NewEntry => ({
  accountId: "acc-1",
  kind: "commitmentScan",
  method: "PUT",
  path: `/households/${refTo(householdId)}/commitments/2026/scan`,
  after: commitmentId,
  file: { data: new Uint8Array(bytes).buffer, type: "image/jpeg", name: "cam-ket.jpg" },
  summary: "ảnh",
});

/**
 * A server with syncBatch's contract: each entry answered on its own, a client id seen before
 * replayed, a refused entry stopping nothing, a ref filled from an earlier entry's answer (an entry
 * whose ref was refused is not run). `mode` decides what happens to the next requests.
 */
export class BatchServer {
  stored = new Map<string, { id: string; operation: string; params: Record<string, string> }>();
  batches: SyncBatchEntry[][] = [];
  singles: SendRequest[] = [];
  mode: "online" | "offline" | "loseAnswer" | "noRoute" = "online";
  refuse: (e: SyncBatchEntry) => SyncBatchResult | null = () => null;
  private n = 0;

  answer(e: SyncBatchEntry, earlier: SyncBatchResult[] = []): SyncBatchResult {
    const params = { ...e.params };
    for (const [name, clientId] of Object.entries(e.refs ?? {})) {
      const r = earlier.find((x) => x.clientId === clientId);
      const id = r && r.status < 400 ? (r.body as { id: string }).id : null;
      if (!id) {
        return {
          clientId: e.clientId,
          status: 409,
          replayed: false,
          error: { code: "reference_missing", message: "Chưa ghi nhận", requestId: "r" },
        };
      }
      params[name] = id;
    }
    const refusal = this.refuse(e);
    if (refusal) return refusal;
    let rec = this.stored.get(e.clientId);
    const replayed = Boolean(rec);
    if (!rec) {
      rec = { id: `srv-${++this.n}`, operation: e.operation, params };
      this.stored.set(e.clientId, rec);
    }
    return { clientId: e.clientId, status: 201, replayed, body: { id: rec.id, version: 1 } };
  }

  sendBatch = async (entries: SyncBatchEntry[]): Promise<SyncBatchResult[]> => {
    this.batches.push(entries);
    if (this.mode === "offline") {
      throw Object.assign(new Error("offline"), { status: 0, code: "network_error" });
    }
    if (this.mode === "noRoute") throw Object.assign(new Error("nf"), { status: 404, code: "not_found" });
    const results: SyncBatchResult[] = [];
    for (const e of entries) results.push(this.answer(e, results));
    if (this.mode === "loseAnswer") throw new DOMException("The operation was aborted.", "AbortError");
    return results;
  };

  send = async (req: SendRequest): Promise<unknown> => {
    this.singles.push(req);
    if (this.mode === "offline") {
      throw Object.assign(new Error("offline"), { status: 0, code: "network_error" });
    }
    const op = batchOperationOf({ method: req.method }, req.path);
    const r = this.answer({
      clientId: req.headers["Idempotency-Key"]!,
      operation: op?.operation ?? "createActivity",
      params: op?.params ?? {},
      body: req.body,
      ...(req.headers["If-Match"] ? { ifMatch: Number(req.headers["If-Match"]) } : {}),
    });
    if (r.status >= 400) {
      const err: SendError = { status: r.status, code: r.error!.code, issues: r.error!.issues };
      throw Object.assign(new Error(err.code), err);
    }
    return r.body;
  };
}
