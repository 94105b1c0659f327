import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { queryRows, type Db } from "../db/client";
import { jobs } from "./shared-state.table";

/**
 * Background jobs in the database (decision 0013), the same on PGlite and PostgreSQL: a job is a
 * row; any app process's worker claims a queued one — or one whose runner stopped sending
 * heartbeats (a process that died) — with FOR UPDATE SKIP LOCKED, runs it, and marks it done inside
 * the job's own write transaction (`complete(tx, …)`), which first takes the job row's lock and
 * checks the claim is still this runner's. A job therefore survives a restart and commits once.
 */
export type JobRow = typeof jobs.$inferSelect;

const POLL_MS = 5_000;
const HEARTBEAT_MS = 10_000;
/** A running job without a heartbeat for this long is taken over by another runner. */
const STALE_SECONDS = 60;
/** Claims of one job (a runner that keeps dying with it) before it is failed. */
const MAX_ATTEMPTS = 3;

export class JobLostError extends Error {
  constructor() {
    super("the job was taken over by another runner");
  }
}

export async function enqueueJob(
  db: Db,
  job: { kind: string; ownerId: string | null; payload: unknown; total: number },
): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, status: "queued" })
    .returning({ id: jobs.id });
  return row!.id;
}

export async function findJob(db: Db, kind: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.kind, kind)));
  return row;
}

export type JobContext = {
  job: JobRow;
  /** Progress in this process (the status read answers it while the job runs here). */
  progress: (processed: number) => void;
  /** Inside the job's write transaction, last: marks the job done with its result. */
  complete: (tx: Db, result: unknown) => Promise<void>;
};

export type JobWorkerOptions = {
  kind: string;
  run: (ctx: JobContext) => Promise<void>;
  /** The message a failed job shows its owner (never the error's own text). */
  failure: (err: unknown) => string;
  log?: FastifyBaseLogger;
  pollMs?: number;
};

/** Runs the jobs of one kind in this process, one at a time. */
export class JobWorker {
  readonly runnerId = randomUUID();
  private readonly progress = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly opts: JobWorkerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.opts.pollMs ?? POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Stops claiming and waits for the job in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Looks for work now (after an enqueue in this process). */
  kick(): void {
    if (this.stopped || this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** The job's progress if it runs in this process. */
  progressOf(id: string): number | undefined {
    return this.progress.get(id);
  }

  private async drain(): Promise<void> {
    try {
      await this.db.execute(
        sql`delete from jobs where kind = ${this.opts.kind} and finished_at < now() - interval '1 hour'`,
      );
      while (!this.stopped) {
        const job = await this.claim();
        if (!job) return;
        await this.runOne(job);
      }
    } catch (err) {
      this.opts.log?.error({ err }, `jobs (${this.opts.kind}): worker pass failed`);
    }
  }

  private async claim(): Promise<JobRow | undefined> {
    const [row] = await queryRows<{ id: string }>(
      this.db,
      sql`update jobs set status = 'running', locked_by = ${this.runnerId}, heartbeat_at = now(),
            attempts = attempts + 1
          where id = (
            select id from jobs
            where kind = ${this.opts.kind}
              and (status = 'queued'
                or (status = 'running' and locked_by <> ${this.runnerId}
                    and heartbeat_at < now() - ${STALE_SECONDS} * interval '1 second'))
            order by created_at
            limit 1
            for update skip locked)
          returning id`,
    );
    return row ? findJob(this.db, this.opts.kind, row.id) : undefined;
  }

  private async runOne(job: JobRow): Promise<void> {
    const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.runnerId));
    if (job.attempts > MAX_ATTEMPTS) {
      await this.fail(job, new Error("interrupted too often"));
      return;
    }
    this.progress.set(job.id, 0);
    const beat = setInterval(() => {
      this.db
        .update(jobs)
        .set({ heartbeatAt: sql`now()` })
        .where(mine)
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    beat.unref();
    try {
      await this.opts.run({
        job,
        progress: (n) => this.progress.set(job.id, n),
        complete: async (tx, result) => {
          const [held] = await queryRows<{ status: string; locked_by: string | null }>(
            tx,
            sql`select status, locked_by from jobs where id = ${job.id} for update`,
          );
          if (held?.status !== "running" || held.locked_by !== this.runnerId) throw new JobLostError();
          await tx
            .update(jobs)
            .set({
              status: "done",
              result,
              processed: job.total,
              payload: null,
              finishedAt: sql`now()`,
            })
            .where(eq(jobs.id, job.id));
        },
      });
    } catch (err) {
      if (err instanceof JobLostError) {
        this.opts.log?.warn(`jobs (${this.opts.kind}): job ${job.id} was taken over`);
      } else {
        this.opts.log?.error({ err }, `jobs (${this.opts.kind}): job failed`);
        await this.fail(job, err);
      }
    } finally {
      clearInterval(beat);
      this.progress.delete(job.id);
    }
  }

  private async fail(job: JobRow, err: unknown): Promise<void> {
    await this.db
      .update(jobs)
      .set({
        status: "failed",
        error: this.opts.failure(err),
        processed: 0,
        payload: null,
        finishedAt: sql`now()`,
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.runnerId)));
  }
}
