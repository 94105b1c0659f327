import { todayInVietnam } from "@toandan/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { queryRows, type Db } from "../../db/client";
import { enqueueJob, JobWorker } from "../../kernel/jobs";
import { jobs } from "../../kernel/shared-state.table";
import { ensureRules, runRetention } from "./retention.service";

const KIND = "retention.daily";
const CHECK_MS = 60 * 60 * 1000;

/** The daily run through the kernel job queue: whichever app process claims the job runs it. */
export function retentionWorker(db: Db, log: FastifyBaseLogger): JobWorker {
  return new JobWorker(db, {
    kind: KIND,
    log,
    run: async ({ complete }) => {
      const result = await runRetention(db, null, { dryRun: false });
      const done = result.items.reduce((n, i) => n + i.done, 0);
      await db.transaction((tx) => complete(tx, { runOn: result.runOn, done }));
    },
    failure: () => "Chạy quy tắc lưu trữ thất bại; sẽ chạy lại vào lần kiểm tra sau.",
  });
}

/**
 * Queues today's run unless an enabled rule has already run today (`last_run_on`) or a run is
 * already queued or running. Answers whether it queued one.
 */
export async function queueDailyRetention(db: Db): Promise<boolean> {
  const today = todayInVietnam();
  await ensureRules(db); // a new database has no rows yet: the defaults apply from the first day
  const [due] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from retention_rules
        where enabled and (last_run_on is null or last_run_on < ${today}::date)`,
  );
  if (!due?.n) return false;
  const pending = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, KIND), inArray(jobs.status, ["queued", "running"])));
  if (pending.length) return false;
  await enqueueJob(db, { kind: KIND, ownerId: null, payload: { day: today }, total: 0 });
  return true;
}

/** Checks every hour (and at start) whether today's run is due; never in tests. */
export function startRetentionSchedule(db: Db, worker: JobWorker, log: FastifyBaseLogger): () => void {
  const check = () => {
    queueDailyRetention(db)
      .then((queued) => queued && worker.kick())
      .catch((err: unknown) => log.error({ err }, "retention: could not queue the daily run"));
  };
  check();
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
