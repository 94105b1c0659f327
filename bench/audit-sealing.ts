import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "../server/src/db/client";
import { GENESIS, hashRow, recordEvent } from "../server/src/kernel/audit";
import { verifyAuditChain } from "../server/src/kernel/audit-verify";
import { AuditSequencer, sealPendingAudit } from "../server/src/kernel/audit-sequencer";
import { createTarget, engineInfo } from "./lib/engine";
import { machineInfo, type BenchResult } from "./lib/results";
import { progress, summarise } from "./lib/stats";

/**
 * The audit write path of decision 0012 against the one it replaced, in-process on a migrated,
 * empty database (no units: the figures are the audit path's, not a route's):
 * - a createActivity-like write (one transaction: a record insert and its audit event) with the
 *   old recordEvent (the chain head read under a transaction-wide advisory lock, the row hashed
 *   and linked at once) and the new one (the row appended unsealed, no shared lock), closed-loop
 *   at 30 writers;
 * - 30 such writes at once against 30 one after the other;
 * - the sealing lag (commit of the sealing batch − the row's write time) under a paced load, with
 *   the sequencer as buildApp runs it (200 ms between idle batches);
 * - verify-audit over the rows written.
 */
const PLAN = {
  pglite: { writes: 2000, paced: { rate: 200, seconds: 10 } },
  postgres: { writes: 4000, paced: { rate: 500, seconds: 10 } },
};
const CONCURRENCY = 30;

const LEGACY_LOCK = 7742011;

/**
 * The recordEvent of before decision 0012, kept here only to compare. It writes to a copy of
 * audit_log's shape (its columns, defaults and indexes): rows linked outside the sequencer in the
 * real log would be hand-made rows there, which the sequencer rightly refuses to sign over.
 */
async function legacyRecordEvent(tx: Db, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEGACY_LOCK})`);
  const [head] = await queryRows<{ id: number | string; seq: number | string; hash: string }>(
    tx,
    sql`select id, seq, hash from legacy_audit_log where seq is not null order by seq desc limit 1`,
  );
  const [{ id }] = (await queryRows<{ id: number | string }>(
    tx,
    sql`select nextval('audit_log_id_seq') as id`,
  )) as [{ id: number | string }];
  const row = {
    id: Number(id),
    occurredAt: new Date().toISOString(),
    actorId: null,
    action: "auth.logout",
    entityType: "account",
    entityId: name,
    orgUnitId: null,
    data: {},
    prevHash: head?.hash ?? GENESIS,
  };
  await tx.execute(
    sql`insert into legacy_audit_log (id, occurred_at, action, entity_type, entity_id, data, seq, prev_hash, hash)
        values (${row.id}, ${row.occurredAt}, ${row.action}, ${row.entityType}, ${row.entityId}, '{}',
                ${head ? Number(head.seq) + 1 : 1}, ${row.prevHash}, ${hashRow(row)})`,
  );
}

type Mode = "old" | "new";

/** One createActivity-like write: the record, then its audit event, in one transaction. */
function write(db: Db, mode: Mode, i: number): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into bench_records (name, payload) values (${`r${i}`}, ${JSON.stringify({ i })}::jsonb)`,
    );
    if (mode === "old") await legacyRecordEvent(tx, `r${i}`);
    else {
      await recordEvent(tx, {
        actorId: null,
        action: "auth.logout",
        entityType: "account",
        entityId: `r${i}`,
      });
    }
  });
}

async function pool(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return performance.now() - t0;
}

export async function runAuditSealing(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const target = await createTarget("audit_sealing");
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    await database.migrate();
    const db = database.db;
    await db.execute(sql`create table bench_records (id bigserial primary key, name text, payload jsonb)`);
    await db.execute(sql`create table legacy_audit_log (like audit_log including all)`);
    const files = {
      keyFile: `${target.dataDir}/keys/audit-checkpoint.key`,
      checkpointFile: `${target.dataDir}/audit-checkpoints.log`,
    };
    const plan = PLAN[target.engine];
    const figures: Record<string, unknown> = {};

    // 1. Throughput, closed loop at 30 writers (the sequencer idle: rows sealed after each run).
    const throughput: Record<string, unknown> = {};
    for (const mode of ["old", "new", "old", "new"] as Mode[]) {
      progress(`audit-sealing: ${plan.writes} writes, ${CONCURRENCY} writers, ${mode} recordEvent`);
      const ms = await pool(plan.writes, CONCURRENCY, (i) => write(db, mode, i));
      await sealPendingAudit(db, files);
      throughput[mode] = {
        writes: plan.writes,
        ms: Math.round(ms),
        perSecond: Math.round((plan.writes / ms) * 1000),
      };
    }
    figures.throughput30Writers = throughput;

    // 2. 30 at once against 30 one after the other (median of 5 rounds each).
    const burst: Record<string, unknown> = {};
    for (const mode of ["old", "new"] as Mode[]) {
      const concurrent: number[] = [];
      const sequential: number[] = [];
      for (let round = 0; round < 5; round++) {
        concurrent.push(await pool(30, 30, (i) => write(db, mode, i)));
        sequential.push(await pool(30, 1, (i) => write(db, mode, i)));
        await sealPendingAudit(db, files);
      }
      const med = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[2]! * 10) / 10;
      burst[mode] = {
        concurrentMs: med(concurrent),
        sequentialMs: med(sequential),
        ratio: Math.round((med(concurrent) / med(sequential)) * 100) / 100,
      };
    }
    figures.thirtyConcurrentVsSequential = burst;

    // 3. Sealing lag under a paced load, the sequencer running as in buildApp.
    const lags: number[] = [];
    const batches: number[] = [];
    const sequencer = new AuditSequencer(db, {
      ...files,
      onBatch: (b) => {
        batches.push(b.sealed);
        for (const at of b.occurredAt) lags.push(b.committedAt - Date.parse(at));
      },
    });
    sequencer.start();
    const { rate, seconds } = plan.paced;
    progress(`audit-sealing: paced ${rate} writes/s for ${seconds} s, sequencer running`);
    const latencies: number[] = [];
    const inflight: Promise<void>[] = [];
    const start = performance.now();
    let late = 0;
    for (let i = 0; i < rate * seconds; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      else late++;
      const s = performance.now();
      inflight.push(write(db, "new", i).then(() => void latencies.push(performance.now() - s)));
    }
    await Promise.all(inflight);
    const loadMs = performance.now() - start;
    await sequencer.stop();
    figures.sealingUnderLoad = {
      targetRate: rate,
      achievedRate: Math.round(((rate * seconds) / loadMs) * 1000),
      writesLate: late,
      writeLatencyMs: summarise(latencies),
      sealingLagMs: summarise(lags),
      rowsSealed: lags.length,
      batches: batches.length,
      meanBatch: Math.round(lags.length / Math.max(1, batches.length)),
    };

    // 4. Verify everything written.
    const v0 = performance.now();
    const verified = await verifyAuditChain(db, files);
    figures.verify = { ...verified, ms: Math.round(performance.now() - v0) };
    if (!verified.ok) throw new Error(`verify failed: ${verified.reason}`);

    const info = await engineInfo(database);
    return {
      benchmark: "audit-sealing",
      engine: target.engine,
      variant: target.variant,
      engineVersion: info.version,
      engineSettings: info.settings,
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      machine: machineInfo(),
      targets: {
        sealingLagP99: "≤ 1000 ms",
        thirtyConcurrent: "30 concurrent writes faster than 30 sequential (ratio < 1) with the new path",
      },
      figures,
    };
  } finally {
    await database.close();
    await target.cleanup();
  }
}
