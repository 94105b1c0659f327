import Dexie, { type EntityTable } from "dexie";

/** What a captured record is; each has its own form and its own API operation. */
export type CaptureKind =
  | "activity"
  | "household"
  | "commitment"
  | "commitmentScan"
  | "memberJoin"
  | "memberLeave"
  | "dutyLog"
  | "householdEdit"
  | "activityEdit"
  | "dutyLogEdit";

/**
 * waiting: not sent yet (or to be resent with the same key); sending: a request is out;
 * failed: the server refused the content (shown on the record to fix, not retried);
 * conflict: an edit found the record changed on the server (shown side by side);
 * locked: the period was locked meanwhile.
 */
export type OutboxState = "waiting" | "sending" | "failed" | "conflict" | "locked";

export type OutboxIssue = { path: string; message: string };

export type OutboxEntry = {
  /** Auto-increment: the order records are sent in. */
  seq?: number;
  /** The client-generated id, sent as `Idempotency-Key`. */
  id: string;
  /** Only this account's session sends it. */
  accountId: string;
  kind: CaptureKind;
  method: "POST" | "PUT" | "PATCH";
  /** API path below /api/v1; `{ref:<id>}` stands for the server id of the record `after`. */
  path: string;
  body?: unknown;
  /** The record carries a photo (the signed sheet) in `files`, sent as multipart `file`. */
  hasFile?: boolean;
  /** The row version an edit started from (`If-Match`). */
  ifMatch?: number;
  /** Where to read the record's server copy when an edit conflicts. */
  readPath?: string;
  /** The outbox record this one needs first (a commitment of a household entered offline). */
  after?: string;
  /** The form's own values, to reopen the record for a fix. */
  form?: Record<string, unknown>;
  /** One line the list shows. */
  summary: string;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which a resend waits (back-off). */
  nextAttemptAt: number;
  error?: { code: string; message: string | null; issues: OutboxIssue[] };
  /** The server's copy at a conflict. */
  server?: unknown;
  createdAt: number;
};

/** A sent record, without its content: how many arrived, for the list and the tests. */
export type SentEntry = {
  id: string;
  accountId: string;
  kind: CaptureKind;
  serverId: string | null;
  sentAt: number;
  /** The list's line, to find the record again for an edit. */
  summary?: string;
  /**
   * The server's answer for a record the cadre may edit from the phone (an activity, a duty log):
   * the edit starts from it and its `version`. Never kept for households (personal data).
   */
  record?: { version?: number } & Record<string, unknown>;
};

/** A record's photo: bytes (every browser stores them), kept apart from the queue's rows. */
export type FileRow = { id: string; data: ArrayBuffer; type: string; name: string };

/** Reference data of one account: the unit, bodies, households, teams, templates. */
export type ReferenceRow = { key: string; accountId: string; name: string; data: unknown; fetchedAt: number };

export class CaptureDb extends Dexie {
  outbox!: EntityTable<OutboxEntry, "seq">;
  sent!: EntityTable<SentEntry, "id">;
  reference!: EntityTable<ReferenceRow, "key">;
  files!: EntityTable<FileRow, "id">;

  constructor(name = "toandan-capture") {
    super(name);
    this.version(1).stores({
      outbox: "++seq, &id, accountId, state, after",
      sent: "&id, accountId, sentAt",
      reference: "&key, accountId",
      files: "&id",
    });
  }
}

let shared: CaptureDb | null = null;

/** The device's one capture database. */
export function captureDb(): CaptureDb {
  shared ??= new CaptureDb();
  return shared;
}
