import { randomUUID } from "node:crypto";
import type { HouseholdImportJob } from "@toandan/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { insertHouseholdImport, type PreparedImport } from "./commands/import-households";

type Job = HouseholdImportJob & { ownerId: string };

/**
 * Import jobs live in this process's memory, keyed by id, with the owner's account id. A
 * deployment of several server processes behind one PostgreSQL would need a jobs table (the
 * status poll may reach another process); the import itself is already one transaction.
 */
const jobs = new Map<string, Job>();
/** Finished jobs are forgotten after an hour. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

function finish(id: string, patch: Partial<Job>): void {
  const job = jobs.get(id);
  if (!job) return;
  Object.assign(job, patch);
  setTimeout(() => jobs.delete(id), KEEP_FINISHED_MS).unref();
}

/** Starts the insert of a checked import in the background; answers the job id at once. */
export function startImportJob(
  db: Db,
  actor: Actor,
  prepared: PreparedImport,
  log: FastifyBaseLogger,
): string {
  const id = randomUUID();
  const job: Job = { ownerId: actor.accountId, status: "queued", processed: 0, total: prepared.rows.length };
  jobs.set(id, job);
  setImmediate(() => {
    job.status = "running";
    insertHouseholdImport(db, actor, prepared, (n) => {
      job.processed = n;
    }).then(
      (created) => finish(id, { status: "done", processed: created, created }),
      (err: unknown) => {
        log.error({ err }, "household import failed");
        const duplicate = (err as { code?: string }).code === "23505";
        finish(id, {
          status: "failed",
          processed: 0,
          error: duplicate
            ? "Số hộ trùng với một hộ vừa được thêm; chưa nhập dòng nào."
            : "Nhập dữ liệu thất bại; chưa nhập dòng nào.",
        });
      },
    );
  });
  return id;
}

/** The job's progress for its owner; 404 for anyone else and for unknown or forgotten jobs. */
export function getImportJob(actor: Actor, id: string): HouseholdImportJob {
  const job = jobs.get(id);
  if (!job || job.ownerId !== actor.accountId) throw notFound();
  const { ownerId: _o, ...status } = job;
  return status;
}
