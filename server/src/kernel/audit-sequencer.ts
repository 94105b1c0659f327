import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { GENESIS, HASHED_COLUMNS, hashRow, type Hashable } from "./audit";
import {
  appendCheckpointFile,
  loadOrCreateSigner,
  registerCheckpointFiles,
  type Checkpoint,
  type CheckpointFiles,
  type CheckpointSigner,
} from "./audit-checkpoint";

/**
 * The audit sequencer (decision 0012), after Trillian's log sequencer: writers append unsealed
 * rows in their own transactions with no shared lock; one leader at a time takes the committed
 * unsealed rows, gives them the next places in the chain (in id order within a batch), links and
 * hashes them, and signs a checkpoint of the new head — all in one transaction — then appends the
 * checkpoint to the file outside the database.
 *
 * Leadership is `pg_try_advisory_xact_lock` in the sealing transaction: on PostgreSQL one process
 * of all those on the database seals at a time (the others skip that turn); on PGlite the same
 * call is a no-op contest and an in-process queue keeps batches one at a time.
 *
 * Commit order: a row's place is given when the leader first sees it committed, never from its
 * id, so a transaction that took a lower id but commits later is simply sealed in a later batch;
 * nothing already sealed ever has to move.
 */
const LEADER_LOCK = 7742012;

export type SequencerOptions = CheckpointFiles & {
  /** Pause between batches when there was nothing more to seal (ms). */
  intervalMs?: number;
  /** Rows sealed per transaction at most. */
  batchSize?: number;
  /** Called after each batch that sealed rows or signed a checkpoint (benchmarks, logs). */
  onBatch?: (batch: SealedBatch) => void;
  onError?: (err: unknown) => void;
};

export type SealedBatch = {
  sealed: number;
  treeSize: number;
  /** When each sealed row was written (ISO), for the sealing lag. */
  occurredAt: string[];
  /** Date.now() when the batch committed. */
  committedAt: number;
  checkpoint: Checkpoint | null;
};

type PendingRow = Omit<Hashable, "prevHash" | "id"> & { id: number | string };

export class AuditSequencer {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private checkedCoverage = false;
  private busy = false;
  /** Bumped by every start(): a tick begun before a stop() and start() does not keep a second loop going. */
  private generation = 0;
  /** The largest chain this process has signed: a shorter chain later means rows were deleted. */
  private lastSigned = 0;
  private readonly signer: CheckpointSigner;
  readonly batchSize: number;
  readonly intervalMs: number;

  constructor(
    private readonly db: Db,
    private readonly options: SequencerOptions,
  ) {
    this.signer = loadOrCreateSigner(options.keyFile);
    this.batchSize = options.batchSize ?? 5000;
    this.intervalMs = options.intervalMs ?? 200;
  }

  /** Seals one batch (queued behind any batch in progress in this process). */
  sealOnce(): Promise<SealedBatch | null> {
    const run = this.queue.then(() => this.batch());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Seals until nothing committed is left unsealed; returns the rows sealed. */
  async sealAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const b = await this.sealOnce();
      total += b?.sealed ?? 0;
      if (!b || b.sealed < this.batchSize) return total;
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.generation += 1;
    this.schedule(0);
  }

  /** Stops the timer, waits for the batch in progress, and seals what is left (best effort). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue;
    await this.sealAll().catch((e: unknown) => this.options.onError?.(e));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const generation = this.generation;
    let more = false;
    try {
      // A cheap look first (the partial index of unsealed rows), so an idle server opens no transaction.
      // Skipped while busy (the last batch sealed rows): on PGlite every statement queues behind the writes.
      const [p] =
        this.checkedCoverage && !this.busy
          ? await queryRows<{ pending: boolean }>(
              this.db,
              sql`select exists (select 1 from audit_log where seq is null) as pending`,
            )
          : [{ pending: true }];
      if (p?.pending) {
        const b = await this.sealOnce();
        more = (b?.sealed ?? 0) >= this.batchSize;
      }
    } catch (e) {
      this.options.onError?.(e);
    }
    if (generation === this.generation) this.schedule(more ? 0 : this.intervalMs);
  }

  /**
   * The chain is only extended from a head this key signed: the newest checkpoint must verify and
   * name the head (size and hash). Otherwise rows were appended, rewritten or deleted by hand, and
   * sealing on top would sign the tampering; refuse, so the rows stay unsealed and verify-audit
   * reports them. A chain with no checkpoint yet (just upgraded) is signed as it is.
   */
  private async checkHead(tx: Db, head: { seq: number | string; hash: string } | undefined): Promise<number> {
    const [cp] = await queryRows<Omit<Checkpoint, "treeSize"> & { treeSize: number | string }>(
      tx,
      sql`select tree_size as "treeSize", head_hash as "headHash", signed_at as "signedAt", key_id as "keyId", signature
          from audit_checkpoints order by tree_size desc limit 1`,
    );
    const size = head ? Number(head.seq) : 0;
    const refuse = (why: string) => {
      throw new Error(
        `audit sequencer: ${why}; refusing to seal until verify-audit is run and the log repaired`,
      );
    };
    if (size < this.lastSigned) {
      refuse(`the chain has ${size} rows but this process signed ${this.lastSigned}`);
    }
    if (!cp) return 0;
    const checkpoint = { ...cp, treeSize: Number(cp.treeSize) };
    if (!this.signer.verify(checkpoint)) {
      refuse(`the newest checkpoint (${checkpoint.treeSize} rows) has a bad signature`);
    }
    if (checkpoint.treeSize !== size || checkpoint.headHash !== head?.hash) {
      refuse(
        `the chain's head (${size} rows) is not the newest signed checkpoint (${checkpoint.treeSize} rows)`,
      );
    }
    return checkpoint.treeSize;
  }

  private async batch(): Promise<SealedBatch | null> {
    const result = await this.db.transaction(async (tx) => {
      const [lock] = await queryRows<{ leader: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${LEADER_LOCK}) as leader`,
      );
      if (!lock?.leader) return null; // another process is sealing this turn
      const [head] = await queryRows<{ seq: number | string; hash: string }>(
        tx,
        sql`select seq, hash from audit_log where seq is not null order by seq desc limit 1`,
      );
      const last = await this.checkHead(tx, head);
      const rows = await queryRows<PendingRow>(
        tx,
        sql`select ${HASHED_COLUMNS} from audit_log where seq is null order by id limit ${this.batchSize}`,
      );
      let seq = head ? Number(head.seq) : 0;
      let prevHash = head?.hash ?? GENESIS;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const raw of rows) {
        const r = { ...raw, id: Number(raw.id), prevHash };
        const hash = hashRow(r);
        seq += 1;
        ids.push(r.id);
        seqs.push(seq);
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      if (rows.length > 0) {
        const arr = (xs: (string | number)[]) => `{${xs.join(",")}}`;
        await tx.execute(
          sql`update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
              from unnest(${arr(ids)}::bigint[], ${arr(seqs)}::bigint[], ${arr(prevs)}::text[], ${arr(hashes)}::text[])
                as v(id, seq, prev_hash, hash)
              where a.id = v.id`,
        );
      }
      // Sign when the head moved — or on the first turn after an upgrade, over the existing chain.
      let checkpoint: Checkpoint | null = null;
      if (seq > 0 && seq > last) {
        checkpoint = this.signer.sign(seq, prevHash, new Date().toISOString());
        await tx.execute(
          sql`insert into audit_checkpoints (tree_size, head_hash, signed_at, key_id, signature)
              values (${checkpoint.treeSize}, ${checkpoint.headHash}, ${checkpoint.signedAt}, ${checkpoint.keyId}, ${checkpoint.signature})`,
        );
      }
      return { sealed: rows.length, treeSize: seq, occurredAt: rows.map((r) => r.occurredAt), checkpoint };
    });
    if (!result) return null;
    this.lastSigned = Math.max(this.lastSigned, result.treeSize);
    this.checkedCoverage = true;
    this.busy = result.sealed > 0;
    const batch: SealedBatch = { ...result, committedAt: Date.now() };
    if (batch.checkpoint) {
      await appendCheckpointFile(this.options.checkpointFile, batch.checkpoint).catch((e: unknown) =>
        this.options.onError?.(e),
      );
    }
    if (batch.sealed > 0 || batch.checkpoint) this.options.onBatch?.(batch);
    return batch;
  }
}

const sequencers = new WeakMap<object, AuditSequencer>();

/** Starts sealing in the background (buildApp); stop it with `await sequencer.stop()`. */
export function startAuditSequencer(db: Db, options: SequencerOptions): AuditSequencer {
  const s = new AuditSequencer(db, options);
  sequencers.set(db, s);
  registerCheckpointFiles(db, { keyFile: options.keyFile, checkpointFile: options.checkpointFile });
  s.start();
  return s;
}

/**
 * Seals, now, every committed row still unsealed (tests, command-line tasks). Uses the sequencer
 * running on this database handle, or one made from `options` for the call.
 */
export async function sealPendingAudit(db: Db, options?: SequencerOptions): Promise<number> {
  const running = sequencers.get(db);
  if (running && !options) return running.sealAll();
  if (!options) {
    throw new Error("sealPendingAudit: no audit sequencer runs on this database; pass its options");
  }
  return new AuditSequencer(db, options).sealAll();
}

/** The sequencer running on this database handle, if any (tests stop and restart it). */
export function auditSequencerOf(db: Db): AuditSequencer | undefined {
  return sequencers.get(db);
}

/**
 * Rows written and not yet sealed, and how long the oldest has waited (/metrics gauges): sealing
 * is meant to keep that under a second; rows that stay unsealed mean no process seals (or the
 * sequencer refuses a head it did not sign, and says so in the log).
 */
export async function auditBacklog(db: Db): Promise<{ unsealed: number; oldestSeconds: number }> {
  const [row] = await queryRows<{ n: number; age: number | string | null }>(
    db,
    sql`select count(*)::int as n, extract(epoch from now() - min(occurred_at))::float8 as age
        from audit_log where seq is null`,
  );
  return { unsealed: row?.n ?? 0, oldestSeconds: Math.max(0, Number(row?.age ?? 0)) };
}
