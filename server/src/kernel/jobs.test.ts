import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";
import { bumpCacheVersion, cacheVersion } from "./cache-version";
import { enqueueJob, findJob, JobWorker } from "./jobs";

/** Household imports use this queue across a restart: modules/households/import-jobs.test.ts. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 300_000);
afterAll(() => t?.close());

const settle = async (id: string, kind: string) => {
  for (let i = 0; i < 100; i++) {
    const job = await findJob(t.database.db, kind, id);
    if (job && job.status !== "queued" && job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  return findJob(t.database.db, kind, id);
};

describe("JobWorker", () => {
  it("commits a job's work only while it still holds the claim", async () => {
    const db = t.database.db;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let lost: unknown = null;
    const worker = new JobWorker(db, {
      kind: "test-takeover",
      failure: () => "failed",
      run: async ({ complete }) => {
        await gate;
        await db
          .transaction(async (tx) => {
            await bumpCacheVersion(tx, "test-takeover-work");
            await complete(tx, { ok: true });
          })
          .catch((err: unknown) => {
            lost = err;
            throw err;
          });
      },
    });
    const id = await enqueueJob(db, { kind: "test-takeover", ownerId: null, payload: {}, total: 1 });
    worker.start();
    for (let i = 0; i < 100 && (await findJob(db, "test-takeover", id))?.status !== "running"; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // Another runner takes the job over (this one looked dead to it).
    await db.execute(sql`update jobs set locked_by = 'another-runner' where id = ${id}`);
    release();
    await worker.stop();
    expect((lost as Error | null)?.message).toBe("the job was taken over by another runner");
    expect(await cacheVersion(db, "test-takeover-work")).toBe(0);
    expect(await findJob(db, "test-takeover", id)).toMatchObject({
      status: "running",
      lockedBy: "another-runner",
    });
  });

  it("a job that throws is failed with the owner's message and its payload dropped", async () => {
    const db = t.database.db;
    const worker = new JobWorker(db, {
      kind: "test-fail",
      failure: () => "Nhập dữ liệu thất bại; chưa nhập dòng nào.",
      run: () => Promise.reject(new Error("secret detail")),
    });
    const id = await enqueueJob(db, { kind: "test-fail", ownerId: null, payload: { x: 1 }, total: 5 });
    worker.start();
    const job = await settle(id, "test-fail");
    await worker.stop();
    expect(job).toMatchObject({
      status: "failed",
      error: "Nhập dữ liệu thất bại; chưa nhập dòng nào.",
      payload: null,
      attempts: 1,
    });
  });
});
