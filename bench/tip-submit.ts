import { fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Options, Result } from "autocannon";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import type { SubmitTipBody } from "@toandan/contracts";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { openDatabase, queryRows } from "../server/src/db/client";
import { importOfficialUnits } from "../server/src/modules/org-units";
import { ReceiptVerifier, routeToUnit } from "../server/src/modules/citizen";
import { submitTip } from "../server/src/modules/tips";
import { databaseRateLimitStore } from "../server/src/kernel/http/rate-limit-store";
import type { Db } from "../server/src/db/client";
import { createTarget, engineInfo } from "./lib/engine";
import { BENCH_DIR, machineInfo, type BenchResult } from "./lib/results";
import { ServerCost } from "./lib/server-cost";
import { progress, summarise } from "./lib/stats";

/**
 * `n` calls of `fn` by `concurrency` callers in this process: calls per second and latency (ms).
 * Splits the submission path into its parts, without HTTP and without the load generator.
 */
async function inProcess(fn: () => Promise<unknown>, n = 1500, concurrency = CONNECTIONS) {
  let next = 0;
  const ms: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) {
        const a = performance.now();
        await fn();
        ms.push(performance.now() - a);
      }
    }),
  );
  const s = summarise(ms);
  return { perSecond: Math.round((n / (performance.now() - t0)) * 1000), p50: s.p50, p95: s.p95, p99: s.p99 };
}

async function submissionParts(app: FastifyInstance, db: Db, body: SubmitTipBody) {
  const verifier = ReceiptVerifier.forApp(app);
  // The store as the plugin makes it for a route (one namespace), hit with one client's key.
  const store = new (databaseRateLimitStore(db))({}).child({
    routeInfo: { method: "POST", url: "/bench" },
  } as never);
  const hit = () =>
    new Promise<void>((resolve, reject) => {
      store.incr("one-client", (e: Error | null) => (e ? reject(e) : resolve()), 60_000, 1e9);
    });
  return {
    selectOne: await inProcess(() => db.execute(sql`select 1`)),
    routingCacheRead: await inProcess(() => routeToUnit(db, body, "police")),
    rateLimitUpsertOneKey: await inProcess(hit),
    submitTipCommand: await inProcess(() => submitTip(db, app.envelope, verifier, body)),
    injectWholeRoute: await inProcess(() =>
      app.inject({ method: "POST", url: "/api/v1/public/tips", payload: body }),
    ),
  };
}

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
  // autocannon's histogram gives p97.5, not p95.
  latencyMs: {
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
  },
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
    // The portal's form sends the consent text version it showed next to the contact box.
    const [consentText] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from consent_texts where purpose = 'tip_contact' order by version desc limit 1`,
    );
    const tipBody: SubmitTipBody = {
      category: "drugs",
      description: "Có người bán ma túy ở đầu hẻm, khách ra vào từ 22 giờ hằng đêm. Xe máy biển số 94.",
      provinceId: unit!.province,
      communeId: unit!.commune,
      place: "Hẻm 7 đường Hai Bà Trưng",
      contact: { consent: true, phone: "0900000000", consentTextId: consentText?.id },
    };
    const body = JSON.stringify(tipBody);
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
    // The server's own CPU and statements per answered tip (load-independent, unlike req/s); on
    // PostgreSQL also its backends' CPU.
    const cost = new ServerCost(
      undefined,
      target.engine === "postgres"
        ? async () =>
            (
              await queryRows<{ pid: number }>(
                database.db,
                sql`select pid from pg_stat_activity where datname = current_database()`,
              )
            ).map((r) => r.pid)
        : undefined,
    );
    await cost.mark("submitTip:start");
    const s = await run(origin, true);
    await cost.mark("submitTip:end");
    const loadAfter = os.loadavg();
    progress("tip-submit: the path's parts in-process, 20 concurrent callers…");
    const parts = await submissionParts(app, database.db, tipBody);
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
        serverCost: {
          note:
            "the server process's CPU (process.cpuUsage, user + system; autocannon is another process) and the " +
            "SQL statements it sent through Drizzle, per answered tip of the submitTip run (the rate limiter's " +
            "included); on PostgreSQL databaseCpuUsPerRequest is that of the bench database's backends " +
            "(/proc, 10 ms ticks). PGlite runs inside this process, so its CPU counts there.",
          submitTip: cost.of("submitTip", s.requests.total),
        },
        plainFastifyHello: plain,
        ratioToHello: Math.round((tip.requestsPerSecond / plain.requestsPerSecond) * 1000) / 1000,
        tipsStored: count?.n,
        meetsTarget: tip.requestsPerSecond >= TARGETS[target.engine].rps && tip.latencyMs.p99 <= 100,
        loadAverageBefore: load0,
        loadAverageAfter: loadAfter,
        inProcessParts: parts,
        note: "One run; the load averages before and after say how busy the machine was.",
      },
    };
  } finally {
    await hello.close();
    await database.close();
    await target.cleanup();
  }
}
