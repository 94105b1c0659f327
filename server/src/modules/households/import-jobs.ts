import type { HouseholdImportJob } from "@toandan/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { enqueueJob, findJob, JobWorker } from "../../kernel/jobs";
import { insertHouseholdImport, type PreparedImport } from "./commands/import-households";

/**
 * Import jobs are rows of the kernel's jobs table (kernel/jobs.ts): the checked rows wait there,
 * any app process may run them, a job left by a process that stopped is taken up again, and the
 * status poll may reach any process. The import itself is one transaction that also marks the job
 * done, so it commits once.
 */
const KIND = "household-import";

/**
 * The checked rows wait in the job row column by column (each key once, not once per row): for
 * 100,000 households about half the JSON of one object per row.
 */
type Row = PreparedImport["rows"][number];
const KEYS = ["headName", "address", "members", "memberOrgs", "code", "movedOutOn"] as const;
type Key = (typeof KEYS)[number];
// Every field of a row is packed: adding one to the import without listing it here fails to compile.
const _allKeys: [Exclude<keyof Row, Key>] extends [never] ? true : never = true;
type Packed = { area: PreparedImport["area"]; columns: Record<Key, unknown[]> };

function pack({ area, rows }: PreparedImport): Packed {
  const columns = Object.fromEntries(KEYS.map((k) => [k, rows.map((r) => r[k] ?? null)]));
  return { area, columns: columns as Packed["columns"] };
}

function unpack({ area, columns }: Packed): PreparedImport {
  const rows = columns.headName.map((_, i) => {
    const row: Record<string, unknown> = {};
    for (const k of KEYS) {
      const v = columns[k][i];
      // Optional fields absent from a row stay absent (null only where the row holds null).
      if (v !== null || k === "movedOutOn") row[k] = v;
    }
    return row as Row;
  });
  return { area, rows };
}

export function householdImportWorker(db: Db, log: FastifyBaseLogger): JobWorker {
  return new JobWorker(db, {
    kind: KIND,
    log,
    run: async ({ job, progress, complete }) => {
      const prepared = unpack(job.payload as Packed);
      await insertHouseholdImport(db, { accountId: job.ownerId! }, prepared, progress, (tx) =>
        complete(tx, { created: prepared.rows.length }),
      );
    },
    failure: (err) =>
      (err as { code?: string }).code === "23505"
        ? "Số hộ trùng với một hộ vừa được thêm; chưa nhập dòng nào."
        : "Nhập dữ liệu thất bại; chưa nhập dòng nào.",
  });
}

/** Queues the insert of a checked import; answers the job id at once. */
export async function startImportJob(
  db: Db,
  worker: JobWorker,
  actor: Actor,
  prepared: PreparedImport,
): Promise<string> {
  const id = await enqueueJob(db, {
    kind: KIND,
    ownerId: actor.accountId,
    payload: pack(prepared),
    total: prepared.rows.length,
  });
  worker.kick();
  return id;
}

/** The job's progress for its owner; 404 for anyone else and for unknown or forgotten jobs. */
export async function getImportJob(
  db: Db,
  worker: JobWorker,
  actor: Actor,
  id: string,
): Promise<HouseholdImportJob> {
  const job = await findJob(db, KIND, id);
  if (!job || job.ownerId !== actor.accountId) throw notFound();
  const result = job.result as { created?: number } | null;
  return {
    status: job.status,
    processed: job.status === "running" ? (worker.progressOf(job.id) ?? job.processed) : job.processed,
    total: job.total,
    ...(result?.created !== undefined ? { created: result.created } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}
