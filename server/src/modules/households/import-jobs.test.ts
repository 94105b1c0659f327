import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import type { JobWorker } from "../../kernel/jobs";
import { call } from "../../test/harness";
import { createResidentialArea } from "../../test/factories";
import { buildWorld, type World } from "./households.fixtures";
import type { PreparedImport } from "./commands/import-households";
import { startImportJob } from "./import-jobs";

/**
 * Import jobs outlive the process that queued them: the first app is closed (its worker stops)
 * with jobs left behind, and an app built from a fresh copy of every module on the same database
 * — a restarted process — takes them up.
 */
let w: World;
let restarted: FastifyInstance;
afterAll(async () => {
  await restarted?.close();
  await w?.t.close();
});

type Job = { status: string; processed: number; total: number; created?: number };

async function preparedFor(areaId: string, n: number, prefix: string): Promise<PreparedImport> {
  const [area] = await queryRows<{ id: string; rollupPath: string; provinceId: string }>(
    w.t.database.db,
    sql`select id, rollup_path as "rollupPath", province_id as "provinceId" from org_units where id = ${areaId}`,
  );
  const rows = Array.from({ length: n }, (_, i) => ({
    headName: `Lê Văn ${prefix}${i + 1}`,
    address: `${i + 1} Lý Thường Kiệt`,
    members: 3,
    memberOrgs: ["women" as const],
    // Every third household has no code, one has moved out: the queued rows keep both.
    ...(i % 3 === 0 ? {} : { code: `${prefix}${i + 1}` }),
    movedOutOn: i === 1 ? "2024-05-01" : null,
  }));
  return { area: area!, rows };
}

const count = async (areaId: string) =>
  (
    await queryRows<{ n: number }>(
      w.t.database.db,
      sql`select count(*)::int as n from households where org_unit_id = ${areaId}`,
    )
  )[0]!.n;

let queuedArea: string;
let diedArea: string;
let aliveArea: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await buildWorld();
  const db = w.t.database.db;
  queuedArea = await createResidentialArea(db, w.baclieuId, "Khóm 7");
  diedArea = await createResidentialArea(db, w.baclieuId, "Khóm 8");
  aliveArea = await createResidentialArea(db, w.baclieuId, "Khóm 9");
  // The first process stops; what it left in the jobs table stays.
  await w.t.app.close();
  const owner = w.baclieu.accountId;
  // Queued as the import route does, by a process whose worker no longer runs.
  const stopped = { kick: () => undefined } as unknown as JobWorker;
  const job = async (area: string, prefix: string) =>
    startImportJob(db, stopped, { accountId: owner } as Actor, await preparedFor(area, 300, prefix));
  ids.queued = await job(queuedArea, "Q");
  ids.died = await job(diedArea, "D");
  ids.alive = await job(aliveArea, "A");
  // One died while running (no heartbeat for 5 minutes); one runs on a live process elsewhere.
  await db.execute(sql`update jobs set status = 'running', locked_by = 'dead-runner', attempts = 1,
    heartbeat_at = now() - interval '5 minutes' where id = ${ids.died}`);
  await db.execute(sql`update jobs set status = 'running', locked_by = 'live-runner', attempts = 1,
    heartbeat_at = now() where id = ${ids.alive}`);
  vi.resetModules();
  const fresh = await import("../../app");
  restarted = await fresh.buildApp({ database: w.t.database, config: w.t.app.config, logger: false });
  await restarted.ready();
}, 300_000);

async function until(id: string): Promise<Job> {
  let job: Job = { status: "queued", processed: 0, total: 0 };
  for (let i = 0; i < 200 && (job.status === "queued" || job.status === "running"); i++) {
    const poll = await call(restarted, w.baclieu, "GET", `/api/v1/household-imports/${id}`);
    expect(poll.statusCode, poll.body).toBe(200);
    job = poll.json<Job>();
    if (job.status !== "done") await new Promise((r) => setTimeout(r, 50));
  }
  return job;
}

describe("household import jobs in the database", () => {
  it("a restarted process runs a job that was queued and one whose process died, once each", async () => {
    expect(await until(ids.queued!)).toEqual({ status: "done", processed: 300, total: 300, created: 300 });
    expect(await until(ids.died!)).toEqual({ status: "done", processed: 300, total: 300, created: 300 });
    expect(await count(queuedArea)).toBe(300);
    expect(await count(diedArea)).toBe(300);
    const [kept] = await queryRows<{ noCode: number; moved: number }>(
      w.t.database.db,
      sql`select count(*) filter (where code is null)::int as "noCode",
            count(*) filter (where moved_out_on = '2024-05-01')::int as moved
          from households where org_unit_id = ${queuedArea}`,
    );
    expect(kept).toEqual({ noCode: 100, moved: 1 });
    const events = await queryRows<{ n: number }>(
      w.t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'household.imported'
          and org_unit_id in (${queuedArea}, ${diedArea})`,
    );
    expect(events[0]!.n).toBe(2);
    // The payload (names and addresses) is dropped once a job ends.
    const [left] = await queryRows<{ n: number }>(
      w.t.database.db,
      sql`select count(*)::int as n from jobs where id in (${ids.queued}, ${ids.died}) and payload is not null`,
    );
    expect(left!.n).toBe(0);
  });

  it("a job whose runner still sends heartbeats is left to it", async () => {
    const res = await call(restarted, w.baclieu, "GET", `/api/v1/household-imports/${ids.alive}`);
    expect(res.json<Job>()).toMatchObject({ status: "running", total: 300 });
    expect(await count(aliveArea)).toBe(0);
  });

  it("the status of a job is its owner's only, on any process", async () => {
    const other = await call(restarted, w.admin, "GET", `/api/v1/household-imports/${ids.queued}`);
    expect(other.statusCode).toBe(404);
  });
});
