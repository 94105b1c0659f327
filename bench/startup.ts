import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { openDatabase } from "../server/src/db/client";
import { createTarget, engineInfo, sessionActivity, type BenchTarget } from "./lib/engine";
import { machineInfo, REPO_ROOT, type BenchResult } from "./lib/results";
import { freePort, median, progress, sleep } from "./lib/stats";

const HEALTH_POLL_MS = 50;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;
const WARM_STARTS = 3;

type StartRun = {
  /** Spawn to the first `GET /api/health` answering 200. */
  msToHealthy: number;
  /** What the server itself logs: `ready in … ms` (open, migrate, import, seed, listen). */
  serverReadyMs: number | null;
  /** `Imported the units in … s`, on the first start only (in ms here). */
  importMs: number | null;
  /** SIGTERM to exit of the process group. */
  shutdownMs: number;
  /** Peak resident memory of the server process (VmHWM), in MB. */
  peakRssMb: number | null;
};

function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** SIGTERM to the whole process group, SIGKILL if it has not gone after STOP_TIMEOUT_MS. */
async function stopGroup(child: ChildProcess): Promise<number> {
  const t0 = performance.now();
  const pid = child.pid!;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // The group is already gone.
    }
  };
  signal("SIGTERM");
  if (!(await exited(child, STOP_TIMEOUT_MS))) {
    progress(`server ${pid} ignored SIGTERM; killing its group`);
    signal("SIGKILL");
    await exited(child, STOP_TIMEOUT_MS);
  }
  return Math.round(performance.now() - t0);
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Starts `main.ts start` on the target, waits for health, stops it. */
async function startOnce(target: BenchTarget): Promise<StartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target.dataDir, PORT: String(port) };
  env.LOG_LEVEL = "warn";
  env.HOST = "127.0.0.1";
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts", "start"], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
      if (performance.now() - t0 > START_TIMEOUT_MS) {
        const activity = await sessionActivity(target);
        throw new Error(`server not healthy in ${START_TIMEOUT_MS} ms:\n${out}\n${activity}`);
      }
      if (await healthy(port)) break;
      await sleep(HEALTH_POLL_MS);
    }
  } catch (e) {
    await stopGroup(child);
    throw e;
  }
  const msToHealthy = Math.round(performance.now() - t0);
  const rss = peakRssMb(child.pid!);
  const shutdownMs = await stopGroup(child);
  const num = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : null;
  };
  return {
    msToHealthy,
    serverReadyMs: num(/ready in (\d+) ms/),
    importMs: ((s) => (s === null ? null : Math.round(s * 1000)))(num(/Imported the units in ([\d.]+) s/)),
    shutdownMs,
    peakRssMb: rss,
  };
}

export async function runStartup(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const target = await createTarget("startup");
  try {
    progress(`startup (${target.engine}): first start on an empty data dir…`);
    const first = await startOnce(target);
    progress(`startup: first start healthy in ${first.msToHealthy} ms`);
    const warm: StartRun[] = [];
    for (let i = 0; i < WARM_STARTS; i++) {
      const run = await startOnce(target);
      progress(`startup: start ${i + 2} healthy in ${run.msToHealthy} ms`);
      warm.push(run);
    }
    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    const info = await engineInfo(database);
    await database.close();
    return {
      benchmark: "startup",
      engine: target.engine,
      variant: target.variant,
      engineVersion: info.version,
      engineSettings: info.settings,
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      machine: machineInfo(),
      targets: { firstStartMs: "<= 60000", secondStartMs: "<= 5000" },
      figures: {
        command: "node --import tsx server/src/main.ts start",
        healthPollMs: HEALTH_POLL_MS,
        firstStart: first,
        secondStarts: warm,
        secondStartMedianMs: median(warm.map((r) => r.msToHealthy)),
      },
    };
  } finally {
    await target.cleanup();
  }
}
