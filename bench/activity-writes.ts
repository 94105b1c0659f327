import { fork } from "node:child_process";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../server/src/db/client";
import { DEMO_PASSWORD } from "../server/src/modules/demo";
import { bodyGenerator, type LoadSettings } from "./lib/load-client";
import { MINIMAL_PATH, registerMinimalInsert } from "./lib/minimal-insert";
import { loadAverage, resultOf, withSeeded } from "./lib/movement";
import { BENCH_DIR, type BenchResult } from "./lib/results";
import { ServerCost } from "./lib/server-cost";
import { progress, summarise } from "./lib/stats";

/** Rate (requests/s), duration and p99 target per engine. */
const PLAN = {
  pglite: { rate: 200, seconds: 20, p99TargetMs: 30 },
  postgres: { rate: 500, seconds: 20, p99TargetMs: 30 },
};
/** autocannon splits the rate over its connections; each sends its share of a second back to back. */
const CONNECTIONS = { pglite: 20, postgres: 50 };
const WARM_UP = 100;
/** Seconds of each closed-loop capacity run (createActivity, then the minimal insert). */
const CAPACITY_SECONDS = 10;

type Json = Record<string, unknown>;

/** A client of the listening server, as the browser is: cookie plus CSRF header. */
async function signIn(origin: string, username: string) {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("td_session="));
  if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const get = async <T>(url: string): Promise<T> => {
    const r = await fetch(`${origin}${url}`, { headers: { cookie: cookie.split(";")[0]! } });
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { cookie: cookie.split(";")[0]!, csrf: csrfToken, get };
}

/**
 * Runs the load generator in a child process and waits for its figures; the phases it marks are
 * counted by `cost` (the server's CPU and statements, in this process).
 */
function runLoad(settings: LoadSettings, cost: ServerCost): Promise<Json> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, "lib", "load-client.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (m) => {
      const mark = (m as { mark?: string }).mark;
      if (mark === undefined) resolve(m as Json);
      else void cost.mark(mark).then(() => child.send({ ack: mark }), reject);
    });
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`load client exited with ${code}`)));
    child.send(settings);
  });
}

/**
 * Waits (up to 30 s) until the writes' deferred work is done: pending rollup changes folded and
 * audit rows sealed. Answers how many statements it sent to look.
 */
async function settled(db: Db): Promise<number> {
  const until = performance.now() + 30_000;
  for (let looks = 1; ; looks++) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select (select count(*) from activity_rollup_pending)::int
               + (select count(*) from audit_log where seq is null)::int as n`,
    );
    if (!row?.n || performance.now() > until) return looks;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The PostgreSQL backends serving the bench database (the app's pool, the background workers). */
async function backendPids(db: Db): Promise<number[]> {
  const rows = await queryRows<{ pid: number }>(
    db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

export async function runActivityWrites(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  return withSeeded(
    "activity_writes",
    async (s) => {
      const plan = PLAN[s.target.engine];
      await s.app.listen({ port: 0, host: "127.0.0.1" });
      const origin = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
      const client = await signIn(origin, "baclieu.mttq");
      const found = await client.get<{ items: { id: string; name: string; parentId: string }[] }>(
        "/api/v1/org-units?q=khom%201",
      );
      const area = found.items.find((u) => u.name === "Khóm 1");
      if (!area) throw new Error("demo area Khóm 1 not found");
      const ward = await client.get<{ fullName: string; bodies: { id: string; kind: string }[] }>(
        `/api/v1/org-units/${area.parentId}`,
      );
      const settings: LoadSettings = {
        origin,
        cookie: client.cookie,
        csrf: client.csrf,
        orgUnitId: area.id,
        bodyIds: ward.bodies.map((b) => b.id),
        rate: plan.rate,
        seconds: plan.seconds,
        connections: CONNECTIONS[s.target.engine],
        seed: 2025,
        minimalPath: MINIMAL_PATH,
        capacitySeconds: CAPACITY_SECONDS,
        capacityOnly: process.env.BENCH_CAPACITY_ONLY === "1",
      };
      const cost = new ServerCost(
        () => settled(s.database.db),
        s.target.engine === "postgres" ? () => backendPids(s.database.db) : undefined,
      );

      progress(`activity-writes: ${WARM_UP} warm-up writes…`);
      const next = bodyGenerator({ ...settings, seed: 7 });
      const sequential: number[] = [];
      for (let i = 0; i < WARM_UP; i++) {
        const w0 = performance.now();
        const r = await fetch(`${origin}/api/v1/activities`, {
          method: "POST",
          headers: { cookie: client.cookie, "x-csrf-token": client.csrf, "content-type": "application/json" },
          body: next(),
        });
        if (r.status !== 201) throw new Error(`warm-up write: ${r.status} ${await r.text()}`);
        sequential.push(performance.now() - w0);
      }
      const [before] = await queryRows<{ n: number }>(
        s.database.db,
        sql`select count(*)::int as n from activities`,
      );
      const loadBefore = loadAverage();
      progress(
        `activity-writes: ${plan.rate} req/s for ${plan.seconds} s with autocannon, then the same paced (open loop)…`,
      );
      const load = await runLoad(settings, cost);
      const capacity = load.capacity as Record<
        "createActivity" | "minimalInsert",
        { achievedReqPerSec: number; requests: number }
      >;
      const serverCost = {
        note:
          "the server process's own CPU (process.cpuUsage, user + system; the load generator is another " +
          "process) and the SQL statements it sent through Drizzle, per answered request of each closed-loop " +
          "capacity run; load-independent, unlike req/s. PGlite runs inside this process, so its CPU counts; " +
          "PostgreSQL's does not: databaseCpuUsPerRequest is that of the bench database's backends (/proc, 10 ms ticks). Each phase ends once its deferred work is done (rollups folded, audit rows " +
          "sealed), so that work counts in it.",
        createActivity: cost.of("createActivity", capacity.createActivity.requests),
        minimalInsert: cost.of("minimalInsert", capacity.minimalInsert.requests),
      };
      progress(`activity-writes: server cost per request ${JSON.stringify(serverCost)}`);
      const ratio =
        Math.round(
          (capacity.createActivity.achievedReqPerSec / capacity.minimalInsert.achievedReqPerSec) * 100,
        ) / 100;
      const [after] = await queryRows<{ n: number; kinds: number }>(
        s.database.db,
        sql`select count(*)::int as n, count(*) filter (where organizer_kinds <> '{}')::int as kinds from activities`,
      );
      return resultOf(
        "activity-writes",
        s,
        started,
        t0,
        {
          rate: `${plan.rate} req/s for ${plan.seconds} s`,
          p99Ms: `<= ${plan.p99TargetMs}`,
          ratioToMinimalInsert: ">= 0.5",
        },
        {
          method:
            "POST /api/v1/activities to a listening server on 127.0.0.1 as baclieu.mttq (cookie + x-csrf-token); " +
            "load from a separate Node process",
          area: { id: area.id, name: area.name, commune: ward.fullName, organiserBodies: ward.bodies.length },
          rate: plan.rate,
          seconds: plan.seconds,
          sequentialWarmUp: {
            note: "one at a time, fetch in the server's process",
            latencyMs: summarise(sequential),
          },
          capacity: {
            note:
              `closed loop for ${CAPACITY_SECONDS} s each: createActivity, then ${MINIMAL_PATH} (bench-only route: ` +
              "session, CSRF, permission, Zod body, one-row insert, no audit)",
            ...capacity,
            ratioCreateActivityToMinimalInsert: ratio,
          },
          serverCost,
          autocannon: load.autocannon,
          paced: load.paced,
          pacedMinimalInsert: load.pacedMinimal,
          rows: {
            activitiesBefore: before?.n,
            activitiesAfter: after?.n,
            written: (after?.n ?? 0) - (before?.n ?? 0),
            withOrganizerKinds: after?.kinds,
          },
          loadAverageBefore: loadBefore,
        },
      );
    },
    { beforeReady: registerMinimalInsert },
  );
}
