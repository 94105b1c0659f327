import type { SyncBatchEntry, SyncBatchResult } from "@toandan/contracts";
import type { CaptureDb, OutboxEntry, SentEntry } from "./db";
import { batchOperationOf, type BatchOperation } from "./operations";
import { classify, recordIn, type SendError, type SendRequest } from "./verdict";

export { classify, recordIn, type SendError, type SendRequest } from "./verdict";

export type SyncDeps = {
  db: CaptureDb;
  /** Sends one request; resolves with the answer's body, throws a `SendError` otherwise. */
  send: (req: SendRequest) => Promise<unknown>;
  /**
   * Sends records in one request (syncBatch); resolves with one result per entry, throws a
   * `SendError` when the batch got no answer or was refused as a whole. Without it each goes alone.
   */
  sendBatch?: (entries: SyncBatchEntry[], signal: AbortSignal) => Promise<SyncBatchResult[]>;
  /** Records per batch (the server takes at most 50). */
  batchSize?: number;
  /** Reads a record's server copy (at a conflict). */
  read: (path: string) => Promise<unknown>;
  /**
   * Who is signed in now, asked of the server (a fresh CSRF token too): the account id, `null`
   * when the session has ended; throws when there is no network.
   */
  session: () => Promise<string | null>;
  now?: () => number;
  /** A request with no answer after this long is abandoned and resent later with the same key. */
  timeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** For tests: [0, 1). */
  random?: () => number;
};

export type SyncOutcome = {
  sent: number;
  /** offline: no network (retry scheduled); signedOut: the session ended, records kept. */
  stopped: "done" | "offline" | "signedOut" | "notDue";
  /** When the next automatic try is due (epoch ms), when one is scheduled. */
  retryAt: number | null;
};

function serverIdOf(answer: unknown): string | null {
  const id = (answer as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

const SENT_KEPT = 1000;
/** Records whose answer is kept on the device for an edit: no personal data in them. */
const EDITABLE_KINDS = new Set<OutboxEntry["kind"]>(["activity", "activityEdit", "dutyLog", "dutyLogEdit"]);

type Picked = { entry: OutboxEntry; op: BatchOperation };
type BatchOutcome = { sent: number; stop: "retry" | "signedOut" | null; retryId?: string };

/**
 * Sends the outbox in order, one record at a time, each with its client id as `Idempotency-Key`:
 * a request whose answer was lost is simply sent again and the server answers it the same way.
 * A network failure stops the pass (later records never overtake earlier ones) and backs off
 * exponentially; a refused record is parked with its reason and the rest go on.
 */
export class SyncEngine {
  private readonly d: Required<Omit<SyncDeps, "random" | "sendBatch">> &
    Pick<SyncDeps, "sendBatch"> & { random: () => number };
  private running: Promise<SyncOutcome> | null = null;
  /** The server refused a batch as a whole (an older server): records go alone from then on. */
  private noBatch = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(o: SyncOutcome) => void>();
  last: SyncOutcome | null = null;

  constructor(deps: SyncDeps) {
    this.d = {
      now: () => Date.now(),
      timeoutMs: 30_000,
      batchSize: 50,
      backoff: { baseMs: 2_000, maxMs: 5 * 60_000 },
      random: Math.random,
      ...deps,
    };
  }

  onOutcome(fn: (o: SyncOutcome) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** One pass; `force` ignores the back-off (reconnect, app open, "Gửi ngay"). Single-flight. */
  run(force = false): Promise<SyncOutcome> {
    if (this.running) {
      if (force) this.again = true;
      return this.running;
    }
    this.running = this.pass(force)
      .then(async (o) => {
        this.running = null;
        if (this.again) {
          this.again = false;
          return this.run(true);
        }
        return o;
      })
      .catch((e: unknown) => {
        this.running = null;
        throw e;
      });
    return this.running.then((o) => {
      this.last = o;
      this.schedule(o.retryAt);
      for (const fn of this.listeners) fn(o);
      return o;
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(at: number | null): void {
    this.stop();
    if (at === null) return;
    this.timer = setTimeout(() => void this.run(false).catch(() => {}), Math.max(0, at - this.d.now()));
  }

  private delay(attempts: number): number {
    const { baseMs, maxMs } = this.d.backoff;
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(exp / 2 + (exp / 2) * this.d.random()); // "equal jitter"
  }

  private async pass(force: boolean): Promise<SyncOutcome> {
    const { db } = this.d;
    let accountId: string | null;
    try {
      accountId = await this.d.session();
    } catch {
      return { sent: 0, stopped: "offline", retryAt: null };
    }
    if (!accountId) return { sent: 0, stopped: "signedOut", retryAt: null };
    let sent = 0;
    for (;;) {
      const entries = await db.outbox.where("accountId").equals(accountId).sortBy("seq");
      const present = new Set(entries.map((e) => e.id));
      const ready = (e: OutboxEntry) =>
        (e.state === "waiting" || e.state === "sending") && !(e.after && present.has(e.after));
      const next = entries.find(ready);
      if (!next) return { sent, stopped: "done", retryAt: null };
      if (!force && next.nextAttemptAt > this.d.now()) {
        return { sent, stopped: "notDue", retryAt: next.nextAttemptAt };
      }
      const batch = await this.pick(entries.slice(entries.indexOf(next)), ready);
      if (batch) {
        const out = await this.sendBatch(batch);
        sent += out.sent;
        if (out.sent > 0) force = true;
        if (out.stop === "signedOut") return { sent, stopped: "signedOut", retryAt: null };
        if (out.stop === "retry") {
          const row = await db.outbox.where("id").equals(out.retryId!).first();
          return { sent, stopped: "offline", retryAt: row?.nextAttemptAt ?? null };
        }
        continue;
      }
      const result = await this.sendOne(next);
      if (result === "sent") {
        sent++;
        force = true; // the network is back: the rest go now
        continue;
      }
      if (result === "parked") continue;
      if (result === "signedOut") return { sent, stopped: "signedOut", retryAt: null };
      const row = await db.outbox.where("id").equals(next.id).first();
      return { sent, stopped: "offline", retryAt: row?.nextAttemptAt ?? null };
    }
  }

  /**
   * The records that go together in one batch, in order from the first ready one: it ends before a
   * photo or another request the batch does not carry, and before a record that needs the id of a
   * record neither sent nor in it. A record that needs one already in it (a commitment after its
   * household) goes in it by ref: the server fills the id from that record's answer. Null when the
   * first goes alone.
   */
  private async pick(from: OutboxEntry[], ready: (e: OutboxEntry) => boolean): Promise<Picked[] | null> {
    if (!this.d.sendBatch || this.noBatch) return null;
    const picked: Picked[] = [];
    const ids = new Set<string>();
    for (const entry of from) {
      if (picked.length >= this.d.batchSize) break;
      const behindPicked = entry.after !== undefined && ids.has(entry.after);
      if (behindPicked ? !ready({ ...entry, after: undefined }) : !ready(entry)) {
        continue; // parked, or waiting for a parked record: the others go on
      }
      const op = batchOperationOf(entry, await this.resolveRefs(entry.path));
      if (!op || Object.values(op.refs).some((id) => !ids.has(id))) break;
      picked.push({ entry, op });
      ids.add(entry.id);
    }
    return picked.length > 1 ? picked : null;
  }

  /** Sends records in one request; each answer is handled as if the record had gone alone. */
  private async sendBatch(picked: Picked[]): Promise<BatchOutcome> {
    const { db } = this.d;
    await db.transaction("rw", db.outbox, async () => {
      for (const { entry } of picked) {
        await db.outbox
          .where("id")
          .equals(entry.id)
          .modify({ state: "sending", attempts: entry.attempts + 1 });
      }
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.d.timeoutMs);
    let results: SyncBatchResult[];
    try {
      results = await this.d.sendBatch!(
        picked.map(({ entry, op }) => ({
          clientId: entry.id,
          operation: op.operation,
          params: op.params,
          ...(Object.keys(op.refs).length > 0 ? { refs: op.refs } : {}),
          ...(entry.body === undefined ? {} : { body: entry.body }),
          ...(entry.ifMatch === undefined ? {} : { ifMatch: entry.ifMatch }),
        })),
        controller.signal,
      );
    } catch (e) {
      clearTimeout(timer);
      const verdict = classify(e);
      if (verdict.kind === "park") {
        this.noBatch = true; // an older server without the route, or a batch refused as a whole
        return this.oneByOne(picked);
      }
      for (const { entry } of picked) await this.failed(entry, entry.attempts + 1, e);
      return { sent: 0, stop: verdict.kind, retryId: picked[0]!.entry.id };
    }
    clearTimeout(timer);
    const byId = new Map(results.map((r) => [r.clientId, r]));
    const out: BatchOutcome = { sent: 0, stop: null };
    const acknowledged = new Set<string>();
    for (const { entry, op } of picked) {
      const r = byId.get(entry.id);
      if (r && r.status < 400) {
        await this.acknowledge(entry, r.body);
        acknowledged.add(entry.id);
        out.sent++;
        continue;
      }
      if (Object.values(op.refs).some((id) => !acknowledged.has(id))) {
        // The record it needs was refused or got no answer: the server did not run this one. It
        // waits, unmarked, behind that record (fixed and resent, both go again with the same ids).
        await this.requeue(entry);
        continue;
      }
      const error: SendError = r
        ? {
            status: r.status,
            code: r.error?.code ?? "internal_error",
            issues: r.error?.issues,
            serverMessage: r.error?.message,
          }
        : { status: 0, code: "network_error" }; // no answer for it: resent later with its key
      const verdict = await this.failed(entry, entry.attempts + 1, error);
      if (verdict === "signedOut") out.stop = "signedOut";
      else if (verdict === "retry" && out.stop === null) {
        Object.assign(out, { stop: "retry", retryId: entry.id });
      }
    }
    return out;
  }

  /** Back in the queue as it was before this try: not counted as an attempt, no error. */
  private async requeue(entry: OutboxEntry): Promise<void> {
    await this.d.db.outbox
      .where("id")
      .equals(entry.id)
      .modify({ state: "waiting", attempts: entry.attempts, nextAttemptAt: 0 });
  }

  /** The batch refused as a whole: its records go alone, in order, as before batching. */
  private async oneByOne(picked: Picked[]): Promise<BatchOutcome> {
    const out: BatchOutcome = { sent: 0, stop: null };
    for (const { entry } of picked) {
      if ((await this.resolveRefs(entry.path)).includes("{ref:")) {
        await this.requeue(entry); // the record it needs was not sent: it waits behind it
        continue;
      }
      const r = await this.sendOne(entry);
      if (r === "sent") out.sent++;
      if (r === "retry" || r === "signedOut") return { ...out, stop: r, retryId: entry.id };
    }
    return out;
  }

  private async sendOne(entry: OutboxEntry): Promise<"sent" | "parked" | "retry" | "signedOut"> {
    const { db } = this.d;
    const attempts = entry.attempts + 1;
    await db.outbox.where("id").equals(entry.id).modify({ state: "sending", attempts });
    const headers: Record<string, string> = { "Idempotency-Key": entry.id };
    if (entry.ifMatch !== undefined) headers["If-Match"] = String(entry.ifMatch);
    const path = await this.resolveRefs(entry.path);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.d.timeoutMs);
    let answer: unknown;
    try {
      answer = await this.d.send({
        method: entry.method,
        path,
        body: entry.body,
        file: entry.hasFile ? await db.files.get(entry.id) : undefined,
        headers,
        signal: controller.signal,
      });
    } catch (e) {
      clearTimeout(timer);
      return this.failed(entry, attempts, e);
    }
    clearTimeout(timer);
    await this.acknowledge(entry, answer);
    return "sent";
  }

  private async failed(entry: OutboxEntry, attempts: number, e: unknown) {
    const { db } = this.d;
    const verdict = classify(e);
    if (verdict.kind === "retry" || verdict.kind === "signedOut") {
      const nextAttemptAt = verdict.kind === "retry" ? this.d.now() + this.delay(attempts) : 0;
      await db.outbox.where("id").equals(entry.id).modify({ state: "waiting", nextAttemptAt });
      return verdict.kind;
    }
    let server: unknown;
    if (verdict.state === "conflict" && entry.readPath) {
      server = await this.d
        .read(entry.readPath)
        .then((r) => recordIn(r, entry.path))
        .catch(() => undefined);
    }
    await db.outbox
      .where("id")
      .equals(entry.id)
      .modify((row) => {
        row.state = verdict.state;
        row.error = verdict.error;
        if (server !== undefined) row.server = server;
      });
    return "parked" as const;
  }

  /** `{ref:<client id>}` → the server id the earlier record was given. */
  private async resolveRefs(path: string): Promise<string> {
    const refs = [...path.matchAll(/\{ref:([^}]+)\}/g)];
    let out = path;
    for (const [token, clientId] of refs) {
      const sent = await this.d.db.sent.get(clientId!);
      if (sent?.serverId) out = out.split(token).join(sent.serverId);
    }
    return out;
  }

  /** Sent: the record and its personal data and photo leave the device; what needed it learns its id. */
  private async acknowledge(entry: OutboxEntry, answer: unknown): Promise<void> {
    const { db } = this.d;
    const serverId = serverIdOf(answer);
    await db.transaction("rw", db.outbox, db.sent, db.files, async () => {
      await db.outbox.where("id").equals(entry.id).delete();
      await db.files.delete(entry.id);
      await db.sent.put({
        id: entry.id,
        accountId: entry.accountId,
        kind: entry.kind,
        serverId,
        sentAt: this.d.now(),
        // Only records the cadre may edit from the phone keep their line: a household's or a
        // roster member's line holds a name and an address, which leave the device with the record.
        ...(EDITABLE_KINDS.has(entry.kind) ? { summary: entry.summary } : {}),
        ...(EDITABLE_KINDS.has(entry.kind) && answer && typeof answer === "object"
          ? { record: answer as NonNullable<SentEntry["record"]> }
          : {}),
      });
      await db.outbox
        .where("after")
        .equals(entry.id)
        .modify((child) => {
          delete child.after;
        });
      const old = await db.sent.count();
      if (old > SENT_KEPT) {
        const drop = await db.sent
          .orderBy("sentAt")
          .limit(old - SENT_KEPT)
          .primaryKeys();
        await db.sent.bulkDelete(drop);
      }
    });
  }
}
