import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "../server/src/db/client";
import { GENESIS, HASHED_COLUMNS, hashRow, recordEvent, type Hashable } from "../server/src/kernel/audit";
import { verifyAuditChain } from "../server/src/kernel/audit-verify";
import {
  appendCheckpointFile,
  loadOrCreateSigner,
  type Checkpoint,
} from "../server/src/kernel/audit-checkpoint";
import { sealPendingAudit } from "../server/src/kernel/audit-sequencer";
import { prng } from "../server/src/kernel/prng";
import { createTarget, engineInfo } from "./lib/engine";
import { machineInfo, type BenchResult } from "./lib/results";
import { progress } from "./lib/stats";

/**
 * `verify-audit` over a large log (issue 16: "verify-audit over 10 M rows, time reported").
 *
 * 1. Builds a sealed chain of BENCH_AUDIT_ROWS rows (default 200,000; 10,000,000 for the issue's
 *    figure) as the sequencer would have left it under a backlog: rows hashed and linked with the
 *    kernel's `hashRow`, a checkpoint every 5,000 rows (the sequencer's batch) signed with the
 *    kernel's `CheckpointSigner` and written to the table and, with `appendCheckpointFile`, to the
 *    file outside the database. Rows go in by multi-row insert (`jsonb_to_recordset`), the next
 *    chunk hashed while the previous one is written. Then a few rows are written with
 *    `recordEvent` and sealed by the real sequencer, which first checks that the generated head is
 *    the newest signed checkpoint — so the generated chain is one the kernel itself accepts.
 * 2. Times `verifyAuditChain` (what `npm run verify-audit` and the API route call) over all rows:
 *    wall ms, rows/s, CPU seconds of this process, peak RSS (VmHWM reset before the run), load.
 * 3. Tampers at full scale, each in a transaction rolled back afterwards, and times the detection:
 *    (a) a row near the head rewritten with every later hash recomputed; (b) the newest row deleted
 *    (checkpoints kept, as an attacker without the file's host would leave them) — both found by
 *    the verifier's fast check of the head against the signed checkpoints; (c) a row in the middle
 *    edited without recomputing its hash, found only by the walk when it reaches the row.
 */
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 200_000);
const CHECKPOINT_EVERY = 5000;
const CHUNK = 10_000;

const ACTIONS = [
  ["activity.created", "activity"],
  ["activity.updated", "activity"],
  ["tip.intake_recorded", "tip"],
  ["case.classified", "case"],
  ["auth.login", "account"],
  ["auth.logout", "account"],
  ["org_unit.created", "org_unit"],
] as const;

function uuidFrom(n: number): string {
  const h = n.toString(16).padStart(12, "0");
  return `0b7e1c2a-5d4f-4a6b-8c9d-${h}`;
}

type GenRow = Hashable & { seq: number; hash: string };

const loadAvg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** Resets the process's peak RSS (Linux: clear_refs 5), so VmHWM covers only what follows. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}
function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Runs fn and reports wall ms, CPU s of this process, peak RSS (VmHWM and sampled) and load. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; stats: Record<string, unknown> }> {
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const hwmReset = resetPeakRss();
  const loadBefore = loadAvg();
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 100);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      value,
      stats: {
        ms: Math.round(ms),
        cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
        rssBeforeMb,
        peakRssMb: hwmReset ? peakRssMb() : null,
        sampledPeakRssMb: Math.round(sampledPeak / 2 ** 20),
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAvg(),
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Builds the chain: rows hashed with the kernel's hashRow, checkpoints signed by the kernel's signer. */
async function generate(
  db: Db,
  files: { keyFile: string; checkpointFile: string },
  inFlight: number,
): Promise<void> {
  const signer = loadOrCreateSigner(files.keyFile);
  const rand = prng(16);
  const base = Date.parse("2026-01-01T00:00:00.000Z");
  let prevHash = GENESIS;
  const pending: Promise<unknown>[] = [];
  let fileTail: Promise<unknown> = Promise.resolve();
  const t0 = performance.now();
  for (let from = 1; from <= ROWS; from += CHUNK) {
    const to = Math.min(ROWS, from + CHUNK - 1);
    const rows: GenRow[] = [];
    const checkpoints: Checkpoint[] = [];
    for (let i = from; i <= to; i++) {
      const [action, entityType] = ACTIONS[Math.floor(rand() * ACTIONS.length)]!;
      const anonymous = action === "tip.intake_recorded";
      const row: Hashable = {
        id: i,
        occurredAt: new Date(base + i * 3).toISOString(),
        actorId: anonymous ? null : uuidFrom(1 + Math.floor(rand() * 5000)),
        action,
        entityType,
        entityId: uuidFrom(1_000_000 + i),
        orgUnitId: uuidFrom(10_000 + Math.floor(rand() * 100_000)),
        data:
          action === "case.classified"
            ? { from: "open", to: "in_progress", note: `Đã tiếp nhận ${i}` }
            : action.startsWith("auth")
              ? {}
              : { kind: "meeting", participants: Math.floor(rand() * 200), topics: ["an ninh", "vệ sinh"] },
        prevHash,
      };
      const hash = hashRow(row);
      rows.push({ ...row, seq: i, hash });
      prevHash = hash;
      if (i % CHECKPOINT_EVERY === 0 || i === ROWS) {
        checkpoints.push(signer.sign(i, hash, new Date(base + i * 3 + 150).toISOString()));
      }
    }
    // Earlier chunks are written while this one is hashed (in order: a chunk's checkpoints commit with it).
    while (pending.length >= inFlight) await pending.shift();
    const written = db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into audit_log (id, occurred_at, actor_id, action, entity_type, entity_id, org_unit_id, data, seq, prev_hash, hash)
            select id, occurred_at, actor_id, action, entity_type, entity_id, org_unit_id, data, seq, prev_hash, hash
            from jsonb_to_recordset(${JSON.stringify(
              rows.map((r) => ({
                id: r.id,
                occurred_at: r.occurredAt,
                actor_id: r.actorId,
                action: r.action,
                entity_type: r.entityType,
                entity_id: r.entityId,
                org_unit_id: r.orgUnitId,
                data: r.data,
                seq: r.seq,
                prev_hash: r.prevHash,
                hash: r.hash,
              })),
            )}::jsonb) as x(id bigint, occurred_at timestamptz, actor_id uuid, action text, entity_type text,
                             entity_id text, org_unit_id uuid, data jsonb, seq bigint, prev_hash text, hash text)`,
      );
      await tx.execute(
        sql`insert into audit_checkpoints (tree_size, head_hash, signed_at, key_id, signature)
            select tree_size, head_hash, signed_at, key_id, signature
            from jsonb_to_recordset(${JSON.stringify(
              checkpoints.map((c) => ({
                tree_size: c.treeSize,
                head_hash: c.headHash,
                signed_at: c.signedAt,
                key_id: c.keyId,
                signature: c.signature,
              })),
            )}::jsonb) as x(tree_size bigint, head_hash text, signed_at text, key_id text, signature text)`,
      );
    });
    // The file gets the checkpoints in order, each once its chunk has committed.
    fileTail = Promise.all([fileTail, written]).then(async () => {
      for (const cp of checkpoints) await appendCheckpointFile(files.checkpointFile, cp);
    });
    pending.push(fileTail);
    if ((to / CHUNK) % 50 === 0 || to === ROWS) {
      const s = (performance.now() - t0) / 1000;
      progress(
        `audit-verify: ${to.toLocaleString("en")} rows in ${s.toFixed(0)} s (${Math.round(to / s)} rows/s), load ${loadAvg().join(" ")}`,
      );
    }
  }
  await Promise.all(pending);
  // The id sequence continues after the generated rows, as after a real history.
  await db.execute(sql`select setval('audit_log_id_seq', ${ROWS})`);
}

const ROLLBACK = new Error("rollback");

/** Tampers in a transaction (triggers off, as a superuser could), times verify-audit, rolls back. */
async function detect(
  db: Db,
  files: { keyFile: string; checkpointFile: string },
  tamper: (tx: Db) => Promise<void>,
): Promise<Record<string, unknown>> {
  let out: Record<string, unknown> = {};
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      const t0 = performance.now();
      await tamper(tx);
      const tamperMs = Math.round(performance.now() - t0);
      const { value, stats } = await measured(() => verifyAuditChain(tx, files));
      out = {
        tamperMs,
        detected: !value.ok,
        firstBadId: value.firstBadId,
        reason: value.reason,
        checkedBeforeFailing: value.checked,
        ...stats,
      };
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return out;
}

export async function runAuditVerify(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const target = await createTarget("audit_verify");
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    await database.migrate();
    const db = database.db;
    const files = {
      keyFile: `${target.dataDir}/keys/audit-checkpoint.key`,
      checkpointFile: `${target.dataDir}/audit-checkpoints.log`,
    };
    const figures: Record<string, unknown> = { rows: ROWS, checkpointEvery: CHECKPOINT_EVERY };

    progress(
      `audit-verify: generating ${ROWS.toLocaleString("en")} sealed rows (load ${loadAvg().join(" ")})`,
    );
    const gen = await measured(() => generate(db, files, target.engine === "postgres" ? 2 : 1));
    figures.generate = { ...gen.stats, rowsPerSecond: Math.round(ROWS / ((gen.stats.ms as number) / 1000)) };
    if (target.engine === "postgres") {
      const v = await measured(() => db.execute(sql`vacuum analyze audit_log`));
      figures.vacuumAnalyze = v.stats;
    }
    // A few real writes sealed by the real sequencer, on top of the generated head.
    for (let i = 0; i < 10; i++) {
      await db.transaction((tx) =>
        recordEvent(tx, {
          actorId: null,
          action: "auth.logout",
          entityType: "account",
          entityId: `bench-${i}`,
        }),
      );
    }
    const sealed = await sealPendingAudit(db, files);
    const total = ROWS + sealed;
    const [size] = await queryRows<{ table: string; total: string }>(
      db,
      sql`select pg_size_pretty(pg_relation_size('audit_log')) as table, pg_size_pretty(pg_total_relation_size('audit_log')) as total`,
    );
    figures.sealedBySequencerOnTop = sealed;
    figures.auditLogSize = size;
    figures.checkpointFileBytes = fs.statSync(files.checkpointFile).size;

    progress(
      `audit-verify: verify-audit over ${total.toLocaleString("en")} rows (load ${loadAvg().join(" ")})`,
    );
    const ver = await measured(() => verifyAuditChain(db, files));
    if (!ver.value.ok || ver.value.checked !== total) {
      throw new Error(`verify-audit failed on the untouched chain: ${JSON.stringify(ver.value)}`);
    }
    figures.verify = {
      ok: ver.value.ok,
      checked: ver.value.checked,
      ...ver.stats,
      rowsPerSecond: Math.round(total / ((ver.stats.ms as number) / 1000)),
      cpuMicrosecondsPerRow: Math.round((((ver.stats.cpuSeconds as number) * 1e6) / total) * 10) / 10,
    };
    progress(`audit-verify: ${JSON.stringify(figures.verify)}`);

    // (a) A row near the head rewritten, every later hash recomputed (with the kernel's hashRow).
    const at = ROWS - Math.floor(CHECKPOINT_EVERY / 2);
    progress(`audit-verify: tamper (a) rewrite place ${at} and recompute to the head`);
    const rewrite = await detect(db, files, async (tx) => {
      const rows = await queryRows<Hashable & { seq: number | string }>(
        tx,
        sql`select ${HASHED_COLUMNS}, seq, prev_hash as "prevHash" from audit_log where seq >= ${at} order by seq`,
      );
      let prev = rows[0]!.prevHash;
      const updates: { id: number; data: unknown; prev_hash: string; hash: string }[] = [];
      for (const r of rows) {
        const data = Number(r.seq) === at ? { forged: true } : r.data;
        const hash = hashRow({ ...r, id: Number(r.id), data, prevHash: prev });
        updates.push({ id: Number(r.id), data, prev_hash: prev, hash });
        prev = hash;
      }
      await tx.execute(
        sql`update audit_log a set data = x.data, prev_hash = x.prev_hash, hash = x.hash
            from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, data jsonb, prev_hash text, hash text)
            where a.id = x.id`,
      );
    });
    figures.detectRewriteWithRecomputedHashes = { place: at, rowsRewritten: total - at + 1, ...rewrite };
    progress(`audit-verify: (a) ${JSON.stringify(rewrite)}`);

    // (b) The newest row deleted; the checkpoints (table and file) left as they are.
    progress("audit-verify: tamper (b) delete the newest row");
    const deleted = await detect(db, files, async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${total}`);
    });
    figures.detectNewestRowDeleted = deleted;
    progress(`audit-verify: (b) ${JSON.stringify(deleted)}`);
    // (c) A row in the middle changed without recomputing anything: no fast check sees it, the walk
    // does when it reaches the row (time ≈ half a full verify).
    const middle = Math.floor(ROWS / 2) + 1;
    progress(`audit-verify: tamper (c) change place ${middle}, hashes left as they are`);
    const edited = await detect(db, files, async (tx) => {
      await tx.execute(sql`update audit_log set data = '{"forged": true}' where seq = ${middle}`);
    });
    figures.detectMiddleRowEdited = { place: middle, ...edited };
    progress(`audit-verify: (c) ${JSON.stringify(edited)}`);
    if (!rewrite.detected || !deleted.detected || !edited.detected) {
      throw new Error("a tampering went undetected");
    }

    const info = await engineInfo(database);
    return {
      benchmark: "audit-verify",
      engine: target.engine,
      variant: target.variant,
      engineVersion: info.version,
      engineSettings: info.settings,
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      machine: machineInfo(),
      targets: { verifyAudit: "over 10 M rows on PostgreSQL, time reported (issue 16); memory bounded" },
      figures,
    };
  } finally {
    await database.close();
    await target.cleanup();
  }
}
