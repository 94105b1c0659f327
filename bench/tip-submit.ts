import { fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Options, Result } from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { openDatabase, queryRows } from "../server/src/db/client";
import { importOfficialUnits } from "../server/src/modules/org-units";
import { createTarget, engineInfo } from "./lib/engine";
import { BENCH_DIR, machineInfo, type BenchResult } from "./lib/results";
import { progress } from "./lib/stats";

/** submitTip with encryption on, against a plain Fastify "hello" measured in the same run. */
const TARGETS = { pglite: { rps: 300 }, postgres: { rps: 1000 } };
const CONNECTIONS = 20;
const SECONDS = 15;

function cannon(opts: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, "lib", "cannon-client.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (m) => resolve(m as Result));
    child.once("error", reject);
    child.send(opts);
  });
}

const figures = (r: Result) => ({
  requestsPerSecond: Math.round(r.requests.average),
  total: r.requests.total,
  latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

export async function runTipSubmit(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const target = await createTarget("tip_submit");
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? "",
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
    // One address sends everything here; the limiter still runs (its hashing is in the figures).
    CITIZEN_RATE_LIMIT: "100000000",
  });
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  const hello = Fastify({ logger: false });
  hello.get("/", async () => ({ hello: "world" }));
  try {
    progress(`tip-submit (${target.engine}): migrate, import official units…`);
    await database.migrate();
    await importOfficialUnits(database);
    const app = await buildApp({ database, config, logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    await hello.listen({ port: 0, host: "127.0.0.1" });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const helloUrl = `http://127.0.0.1:${(hello.server.address() as AddressInfo).port}/`;
    const [unit] = await queryRows<{ province: string; commune: string }>(
      database.db,
      sql`select province_id as province, id as commune from org_units where kind = 'commune' and code = '31825' and valid_to is null`,
    );
    const body = JSON.stringify({
      category: "drugs",
      description: "Có người bán ma túy ở đầu hẻm, khách ra vào từ 22 giờ hằng đêm. Xe máy biển số 94.",
      provinceId: unit!.province,
      communeId: unit!.commune,
      place: "Hẻm 7 đường Hai Bà Trưng",
      contact: { consent: true, phone: "0900000000" },
    });
    const run = (url: string, post: boolean) =>
      cannon({
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        ...(post
          ? {
              requests: [
                {
                  method: "POST",
                  path: "/api/v1/public/tips",
                  headers: { "content-type": "application/json" },
                  body,
                },
              ],
            }
          : {}),
      });
    progress("tip-submit: warm-up 3 s…");
    await cannon({
      url: origin,
      connections: 5,
      duration: 3,
      requests: [
        {
          method: "POST",
          path: "/api/v1/public/tips",
          headers: { "content-type": "application/json" },
          body,
        },
      ],
    });
    const load0 = os.loadavg();
    progress(`tip-submit: plain Fastify hello, ${CONNECTIONS} connections × ${SECONDS} s…`);
    const h = await run(helloUrl, false);
    progress(`tip-submit: submitTip, ${CONNECTIONS} connections × ${SECONDS} s…`);
    const s = await run(origin, true);
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tips`);
    await app.close();
    const info = await engineInfo(database);
    const tip = figures(s);
    const plain = figures(h);
    return {
      benchmark: "tip-submit",
      engine: target.engine,
      variant: target.variant,
      engineVersion: info.version,
      engineSettings: info.settings,
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      machine: machineInfo(),
      targets: { requestsPerSecond: `>= ${TARGETS[target.engine].rps}`, p99Ms: "<= 100" },
      figures: {
        method:
          "autocannon (separate process) against a listening server on 127.0.0.1: POST /api/v1/public/tips with " +
          "contact details (content and contact sealed with AES-256-GCM per-record keys, HMAC verifier, rate limiter on); " +
          "then a plain Fastify hello server in the same process, same connections and duration",
        connections: CONNECTIONS,
        seconds: SECONDS,
        submitTip: tip,
        plainFastifyHello: plain,
        ratioToHello: Math.round((tip.requestsPerSecond / plain.requestsPerSecond) * 1000) / 1000,
        tipsStored: count?.n,
        meetsTarget: tip.requestsPerSecond >= TARGETS[target.engine].rps && tip.latencyMs.p99 <= 100,
        loadAverageBefore: load0,
        note: "The machine was shared with other engineers' work during the run; one run only.",
      },
    };
  } finally {
    await hello.close();
    await database.close();
    await target.cleanup();
  }
}
