// verify-audit: every sealed row's hash and link in chain order, the signed checkpoints, and the
// newest signed head against the rows (decision 0012). The chain itself is written by audit.ts and
// sealed by audit-sequencer.ts.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { GENESIS, HASHED_COLUMNS, hashRow, type Hashable } from "./audit";
import {
  checkpointFilesFor,
  loadSigner,
  readNewestFileCheckpoint,
  type Checkpoint,
  type CheckpointFiles,
} from "./audit-checkpoint";

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
