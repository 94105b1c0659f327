import type { CaptureDb, CaptureKind, FileRow, OutboxEntry, SentEntry } from "./db";

/** A v4 uuid, also where `crypto.randomUUID` is missing (a plain-http page on the local network). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The placeholder a path uses for the server id of an earlier outbox record. */
export function refTo(clientId: string): string {
  return `{ref:${clientId}}`;
}

export type NewEntry = {
  id?: string;
  accountId: string;
  kind: CaptureKind;
  method: OutboxEntry["method"];
  path: string;
  body?: unknown;
  file?: Omit<FileRow, "id">;
  ifMatch?: number;
  readPath?: string;
  after?: string;
  form?: Record<string, unknown>;
  summary: string;
};

/** Writes records to the device first (one transaction), before any request is tried. */
export async function enqueue(db: CaptureDb, entries: NewEntry[], now = Date.now()): Promise<string[]> {
  const files: FileRow[] = [];
  const rows: OutboxEntry[] = entries.map(({ file, ...e }) => {
    const id = e.id ?? newClientId();
    if (file) files.push({ id, ...file });
    return {
      ...e,
      id,
      hasFile: Boolean(file),
      state: "waiting",
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: now,
    };
  });
  await db.transaction("rw", db.outbox, db.files, async () => {
    await db.files.bulkAdd(files);
    await db.outbox.bulkAdd(rows);
  });
  return rows.map((r) => r.id);
}

export type OutboxCounts = {
  waiting: number;
  failed: number;
  conflict: number;
  locked: number;
  total: number;
};

/** What the badge shows: this account's records still on the device, by state. */
export async function countOutbox(db: CaptureDb, accountId: string): Promise<OutboxCounts> {
  const rows = await db.outbox.where("accountId").equals(accountId).toArray();
  const c: OutboxCounts = { waiting: 0, failed: 0, conflict: 0, locked: 0, total: rows.length };
  for (const r of rows) {
    if (r.state === "waiting" || r.state === "sending") c.waiting++;
    else c[r.state]++;
  }
  return c;
}

/** Records of other accounts left on this device (only counted, never shown). */
export async function countOthers(db: CaptureDb, accountId: string): Promise<number> {
  return db.outbox.where("accountId").notEqual(accountId).count();
}

/** A corrected record goes back in the queue with the same id (nothing of it reached the server). */
export async function resubmit(
  db: CaptureDb,
  id: string,
  change: { body?: unknown; form?: Record<string, unknown>; summary?: string; ifMatch?: number },
): Promise<void> {
  await db.outbox
    .where("id")
    .equals(id)
    .modify((e) => {
      Object.assign(e, change);
      e.state = "waiting";
      e.attempts = 0;
      e.nextAttemptAt = 0;
      delete e.error;
      delete e.server;
    });
}

/** A conflict resolved for the device's copy: resent over the server's version seen side by side. */
export async function keepMine(db: CaptureDb, entry: OutboxEntry, serverVersion: number): Promise<void> {
  await resubmit(db, entry.id, { ifMatch: serverVersion });
}

/**
 * Drops a record (and the records that needed it: a household's commitment and its photo) from the
 * device — a conflict resolved for the server's copy, or a record the cadre no longer wants.
 */
export async function discard(db: CaptureDb, id: string): Promise<void> {
  await db.transaction("rw", db.outbox, db.files, async () => {
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.pop()!;
      const children = await db.outbox.where("after").equals(next).primaryKeys();
      const childIds = (await db.outbox.bulkGet(children)).flatMap((c) => (c ? [c.id] : []));
      queue.push(...childIds);
      await db.outbox.where("id").equals(next).delete();
      await db.files.delete(next);
    }
  });
}

/**
 * The sent records the cadre may edit from the phone, newest first, one per server record (its
 * latest answer: an acknowledged edit's answer carries the new version).
 */
export async function editableRecords(db: CaptureDb, accountId: string, limit = 20): Promise<SentEntry[]> {
  const rows = await db.sent.where("accountId").equals(accountId).toArray();
  const latest = new Map<string, SentEntry>();
  for (const r of rows.sort((a, b) => b.sentAt - a.sentAt)) {
    if (r.serverId && r.record && !latest.has(r.serverId)) latest.set(r.serverId, r);
  }
  return [...latest.values()].slice(0, limit);
}

/** The latest answer the device holds for a server record, to start an edit from. */
export async function sentRecord(
  db: CaptureDb,
  accountId: string,
  serverId: string,
): Promise<SentEntry | null> {
  return (
    (await editableRecords(db, accountId, Number.MAX_SAFE_INTEGER)).find((r) => r.serverId === serverId) ??
    null
  );
}

/** The conflict's server version, for an edit resent after the cadre merged both copies. */
export function serverVersionOf(entry: OutboxEntry): number | undefined {
  const v = (entry.server as { version?: unknown } | undefined)?.version;
  return typeof v === "number" ? v : undefined;
}
