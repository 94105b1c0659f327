import { createHash } from "node:crypto";
import type { AuditAction, AuditEventDataMap } from "@toandan/contracts";
import { sql, type SQLWrapper } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import {
  checkpointFilesFor,
  loadSigner,
  readNewestFileCheckpoint,
  type Checkpoint,
  type CheckpointFiles,
} from "./audit-checkpoint";
import { auditLog } from "./audit.table";
import { insertRows, isStatementPart, runParts, type StatementPart } from "./statements";

/** One action's event: its data is the shape AuditEventDataMap gives that action. */
export type AuditEventOf<A extends AuditAction> = {
  actorId: string | null;
  action: A;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
} & (Record<string, never> extends AuditEventDataMap[A] // an action that stores no data may leave it out (stored as {})
  ? { data?: AuditEventDataMap[A] }
  : { data: AuditEventDataMap[A] });

/** An event to record, discriminated by `action`: the wrong data for an action does not compile. */
export type AuditEvent = { [A in AuditAction]: AuditEventOf<A> }[AuditAction];

/** An action with its data, for a helper that records on a command's behalf (certification steps, tips). */
export type AuditActionData<A extends AuditAction = AuditAction> = {
  [K in A]: { action: K; data: AuditEventDataMap[K] };
}[A];

export const GENESIS = "0".repeat(64);

/** JSON with object keys sorted at every level, so jsonb round-trips hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The value `JSON.parse(canonicalJson(value))` gives — keys sorted, undefined members dropped (null
 * in arrays), non-finite numbers null, a Date or other class instance its own enumerable members —
 * built directly, without printing and re-reading the string (recordEvent runs it on every write).
 */
export function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      // An own "__proto__" member, as JSON.parse makes it (an assignment would set the prototype).
      if (k === "__proto__") {
        Object.defineProperty(out, k, {
          value: canonicalValue(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else out[k] = canonicalValue(v);
    }
    return out;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null; // -0 prints as 0
  return JSON.parse(canonicalJson(value)) as unknown;
}

export type Hashable = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  data: unknown;
  prevHash: string;
};

/**
 * A sealed row's hash: its id, content and the previous row's hash (the chain's order is the
 * prev_hash links; `seq` numbers the places). Unchanged from the first chain, so rows sealed
 * before decision 0012 verify as they are.
 */
export function hashRow(r: Hashable): string {
  const material = canonicalJson([
    r.id,
    r.occurredAt,
    r.actorId,
    r.action,
    r.entityType,
    r.entityId,
    r.orgUnitId,
    r.data,
    r.prevHash,
  ]);
  return createHash("sha256").update(material).digest("hex");
}

/**
 * Appends one event to the log. Call it with the transaction that makes the change, so the change
 * and its record commit or roll back together. The row is written unsealed, with no lock shared
 * with other writers: the audit sequencer (audit-sequencer.ts) links committed rows into the chain
 * within a second. Writes passed as `alongside` run in the same statement as the audit insert (as
 * data-modifying CTEs): a hot path then costs one round trip for the change and its record. Given
 * as `insertRows(…)` parts (kernel/statements.ts), the statement's text is built once per shape and
 * run prepared; Drizzle-built SQL is accepted too (built on every call).
 */
export async function recordEvent(
  tx: Db,
  event: AuditEvent,
  alongside: readonly (SQLWrapper | StatementPart)[] = [],
): Promise<void> {
  const row = {
    occurredAt: new Date().toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    orgUnitId: event.orgUnitId ?? null,
    data: canonicalValue(event.data ?? {}),
  };
  const built = alongside.filter((w): w is SQLWrapper => !isStatementPart(w));
  if (built.length === 0) {
    // The insert's text is kept per shape of the writes (kernel/statements.ts): nothing rebuilt.
    const parts = [...(alongside as StatementPart[]), insertRows(auditLog, [row])];
    await runParts(tx, "audit", parts, (texts) => {
      const audit = texts.pop()!;
      return texts.length ? `with ${texts.map((t, i) => `w${i} as (${t})`).join(", ")} ${audit}` : audit;
    });
    return;
  }
  if (built.length !== alongside.length) throw new Error("recordEvent: mixed SQL and statement parts");
  const insert = tx.insert(auditLog).values(row);
  const ctes = sql.join(
    built.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    sql`, `,
  );
  await tx.execute(sql`with ${ctes} ${insert.getSQL()}`);
}

/** The columns a row's hash covers, as hashRow reads them (the time to the millisecond, in UTC). */
export const HASHED_COLUMNS = sql`id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
  actor_id as "actorId", action, entity_type as "entityType", entity_id as "entityId",
  org_unit_id as "orgUnitId", data`;

export type VerifyResult = {
  ok: boolean;
  /** Sealed rows whose hash and link were checked. */
  checked: number;
  /** The row (id) where the first problem shows; null when no single row can be named. */
  firstBadId: number | null;
  reason: string | null;
  /** Rows written but not sealed yet. */
  unsealed?: number;
  /** The newest signed checkpoint the chain was checked against, and where it was read. */
  checkpoint?: (Checkpoint & { source: "file" | "table" }) | null;
};

export type VerifyOptions = Partial<CheckpointFiles> & {
  batch?: number;
  /** An unsealed row older than this is reported (the sequencer seals within a second). */
  maxUnsealedSeconds?: number;
};

type SealedRow = Hashable & { hash: string; id: number | string; seq: number | string };
type CheckpointRow = Omit<Checkpoint, "treeSize"> & { treeSize: number | string };

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({ ...r, treeSize: Number(r.treeSize) });

async function tableCheckpoints(db: Db, above = 0): Promise<Checkpoint[]> {
  const rows = await queryRows<CheckpointRow>(
    db,
    sql`select tree_size as "treeSize", head_hash as "headHash", signed_at as "signedAt", key_id as "keyId", signature
        from audit_checkpoints where tree_size > ${above} order by tree_size`,
  );
  return rows.map(toCheckpoint);
}

async function hashAt(db: Db, seq: number): Promise<{ id: number; hash: string } | undefined> {
  const [row] = await queryRows<{ id: number | string; hash: string }>(
    db,
    sql`select id, hash from audit_log where seq = ${seq}`,
  );
  return row && { id: Number(row.id), hash: row.hash };
}

/**
 * The newest signed head against the chain, in O(log checkpoints) lookups: null when the row at
 * its size carries its hash. Otherwise the rows were deleted (no row there) or rewritten with
 * recomputed hashes; then the last checkpoint the chain still matches is found by bisection (a
 * rewrite changes every later hash, so matches come first), and the first row after it is named.
 */
async function checkHeadAgainstCheckpoints(
  db: Db,
  newest: Checkpoint & { source: "file" | "table" },
  checkpoints: Checkpoint[],
): Promise<{ firstBadId: number | null; reason: string } | null> {
  const head = await hashAt(db, newest.treeSize);
  if (head?.hash === newest.headHash) return null;
  if (!head) {
    const [top] = await queryRows<{ n: number | string | null }>(
      db,
      sql`select max(seq) as n from audit_log`,
    );
    return {
      firstBadId: null,
      reason: `the newest signed checkpoint (${newest.source}, ${newest.signedAt}) covers ${newest.treeSize} rows but only ${Number(top?.n ?? 0)} sealed rows remain: rows were deleted`,
    };
  }
  const sorted = checkpoints
    .filter((c) => c.treeSize < newest.treeSize)
    .sort((a, b) => a.treeSize - b.treeSize);
  let lo = 0; // sorted[0 … lo-1] match the chain
  let hi = sorted.length; // sorted[hi …] do not
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const cp = sorted[mid]!;
    if ((await hashAt(db, cp.treeSize))?.hash === cp.headHash) lo = mid + 1;
    else hi = mid;
  }
  const good = lo > 0 ? sorted[lo - 1]!.treeSize : 0;
  const bad = lo < sorted.length ? sorted[lo]!.treeSize : newest.treeSize;
  const first = await hashAt(db, good + 1);
  return {
    firstBadId: first?.id ?? null,
    reason: `rows at places ${good + 1}–${bad} do not match the signed checkpoint of ${bad} rows (rewritten with recomputed hashes)`,
  };
}

/**
 * Checks the audit log against tampering, including by someone who can write to the database:
 * every sealed row's hash and link in chain order; every checkpoint's signature (key outside the
 * database); that the chain at each checkpoint's size ends in the signed hash (a row rewritten
 * with every later hash recomputed fails here); that no signed row is missing (newest rows
 * deleted) — against the checkpoint file outside the database when there is one; that every
 * sealed row is covered by a signed checkpoint; and that no row waits unsealed for long (a row
 * withheld from the sequencer, or a stopped sequencer). Names the first bad row when it can.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const files = { ...checkpointFilesFor(db), ...options };
  if (!files.keyFile) throw new Error("verifyAuditChain: no checkpoint key file configured");
  const batch = options.batch ?? 5000;
  const maxUnsealedSeconds = options.maxUnsealedSeconds ?? 30;
  let checked = 0;
  let newest: VerifyResult["checkpoint"] = null;
  const fail = (firstBadId: number | null, reason: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadId,
    reason,
    checkpoint: newest,
  });

  // The file first: what it holds was committed before anything read below.
  let fileCp: Checkpoint | null = null;
  if (files.checkpointFile) {
    try {
      fileCp = readNewestFileCheckpoint(files.checkpointFile);
    } catch (e) {
      return fail(null, `the checkpoint file cannot be read: ${(e as Error).message}`);
    }
  }
  const signer = loadSigner(files.keyFile);
  const cps = await tableCheckpoints(db);
  if (!signer && (cps.length > 0 || fileCp)) {
    return fail(null, `the checkpoint key ${files.keyFile} is missing: signatures cannot be checked`);
  }
  const expected = new Map<number, Checkpoint>();
  for (const cp of cps) {
    if (!signer!.verify(cp)) return fail(null, `the checkpoint of ${cp.treeSize} rows has a bad signature`);
    expected.set(cp.treeSize, cp);
  }
  if (fileCp) {
    if (!signer!.verify(fileCp)) return fail(null, "the newest checkpoint in the file has a bad signature");
    const same = expected.get(fileCp.treeSize);
    if (same && same.headHash !== fileCp.headHash) {
      return fail(
        null,
        `the checkpoint of ${fileCp.treeSize} rows differs between the file and the database`,
      );
    }
    expected.set(fileCp.treeSize, fileCp);
  }
  const tableNewest = cps.at(-1);
  newest =
    fileCp && (!tableNewest || fileCp.treeSize >= tableNewest.treeSize)
      ? { ...fileCp, source: "file" }
      : tableNewest
        ? { ...tableNewest, source: "table" }
        : null;

  // Fast checks first, a few index lookups however long the log: the row at the newest signed
  // size must exist (else the newest rows were deleted) and carry the signed hash (else rows were
  // rewritten with recomputed hashes; a binary search over the checkpoints finds the last one the
  // chain still matches). The walk below then checks every row.
  if (newest) {
    const fast = await checkHeadAgainstCheckpoints(db, newest, [...expected.values()]);
    if (fast) return fail(fast.firstBadId, fast.reason);
  }

  let prevHash = GENESIS;
  let lastGood = 0; // the last place a checkpoint confirmed
  let firstIdAfterGood: number | null = null;
  // Keyset pages in chain order (the unique index on seq), one page read ahead: the database reads
  // the next page while this process hashes the current one. Memory holds two pages at most.
  const page = (after: number) =>
    queryRows<SealedRow>(
      db,
      sql`select ${HASHED_COLUMNS}, seq, prev_hash as "prevHash", hash
          from audit_log where seq > ${after} order by seq limit ${batch}`,
    );
  let next: Promise<SealedRow[]> | null = page(0);
  while (next) {
    const rows: SealedRow[] = await next;
    next = rows.length < batch ? null : page(Number(rows.at(-1)!.seq));
    // A page read ahead and not needed (the walk stopped at a fault) must not fail unhandled.
    next?.catch(() => undefined);
    for (const raw of rows) {
      const r = { ...raw, id: Number(raw.id), seq: Number(raw.seq) };
      const bad = (reason: string) => fail(r.id, reason);
      if (r.seq !== checked + 1) return bad(`row missing from the chain (place ${checked + 1})`);
      if (r.prevHash !== prevHash) return bad("prev_hash does not match the previous row");
      if (hashRow(r) !== r.hash) return bad("row content does not match its hash");
      firstIdAfterGood ??= r.id;
      const cp = expected.get(r.seq);
      if (cp) {
        if (cp.headHash !== r.hash) {
          return fail(
            firstIdAfterGood,
            `rows at places ${lastGood + 1}–${r.seq} do not match the signed checkpoint of ${r.seq} rows (rewritten with recomputed hashes)`,
          );
        }
        lastGood = r.seq;
        firstIdAfterGood = null;
      }
      prevHash = r.hash;
      checked += 1;
    }
  }

  if (newest && checked < newest.treeSize) {
    return fail(
      null,
      `the newest signed checkpoint (${newest.source}, ${newest.signedAt}) covers ${newest.treeSize} rows but only ${checked} sealed rows remain: rows were deleted`,
    );
  }
  // Rows sealed while we walked come with their checkpoint (same transaction): read those now.
  let covered = newest?.treeSize ?? 0;
  for (const cp of await tableCheckpoints(db, tableNewest?.treeSize ?? 0)) {
    if (cp.treeSize > checked) break;
    if (!signer!.verify(cp)) return fail(null, `the checkpoint of ${cp.treeSize} rows has a bad signature`);
    const [row] = await queryRows<{ hash: string }>(
      db,
      sql`select hash from audit_log where seq = ${cp.treeSize}`,
    );
    if (row?.hash !== cp.headHash) {
      return fail(null, `the chain does not match the signed checkpoint of ${cp.treeSize} rows`);
    }
    covered = Math.max(covered, cp.treeSize);
  }
  if (checked > covered) {
    const [row] = await queryRows<{ id: number | string }>(
      db,
      sql`select id from audit_log where seq = ${covered + 1}`,
    );
    return fail(
      row ? Number(row.id) : null,
      `${checked - covered} sealed rows are covered by no signed checkpoint (added outside the sequencer)`,
    );
  }

  const [pending] = await queryRows<{
    n: number | string;
    oldestId: number | string | null;
    age: number | null;
  }>(
    db,
    sql`select count(*) as n, min(id) as "oldestId",
          extract(epoch from (now() - min(occurred_at)))::float8 as age
        from audit_log where seq is null`,
  );
  const unsealed = Number(pending?.n ?? 0);
  if (pending && unsealed > 0 && (pending.age ?? 0) > maxUnsealedSeconds) {
    return {
      ...fail(
        Number(pending.oldestId),
        `${unsealed} rows are not sealed, the oldest for ${Math.round(pending.age ?? 0)} s (the sequencer is stopped or rows are withheld from it)`,
      ),
      unsealed,
    };
  }
  return { ok: true, checked, firstBadId: null, reason: null, unsealed, checkpoint: newest };
}
