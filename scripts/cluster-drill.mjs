#!/usr/bin/env node
// Cluster drill (issue 16, item 4): two app processes behind HAProxy on one PostgreSQL. Not part of
// `npm test`; needs DATABASE_URL (the server: a fresh database is created on it and dropped after)
// and haproxy on PATH (Debian: apt-get install -y haproxy). Installs nothing.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/cluster-drill.mjs
//
// It starts both processes at the same moment on the empty database (migrations must run once),
// checks sessions across processes and the sign-in limits across both (the lockout, the per-client
// rate limit), measures write throughput (createActivity) through the balancer with one process (the
// other stopped) and with two, then kills one with -9 in the middle of a write load and checks that
// every acknowledged write is in the database and the other keeps serving; last, SIGTERM to the
// survivor mid-load (graceful shutdown: in-flight requests finish, exit 0). Prints the figures as
// JSON and writes them to bench/results/cluster-drill-postgres.json. Exit 1 if a check fails.
//
// DRILL_APP_CPU=0.2 (root, cgroup v1) caps each app process at 0.2 core while throughput is
// measured, so the app processes are the limit as on a machine with more cores than two; the
// figures go to cluster-drill-postgres-app-cpu-0.2.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  APP_CPU,
  ROOT,
  adminUrl,
  checks,
  children,
  dbName,
  log,
  sleep,
  sql,
  work,
} from "./cluster-drill/config.mjs";
import { kill9Phase, sigtermPhase } from "./cluster-drill/phases-failures.mjs";
import { sessionsAndLimitsPhase, startPhase } from "./cluster-drill/phases-start.mjs";
import { throughputPhase } from "./cluster-drill/phases-throughput.mjs";

async function main() {
  const result = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg() },
  };
  const { a, b } = await startPhase(result);
  await sessionsAndLimitsPhase(result);
  const { session, b: bNow } = await throughputPhase(result, a, b);
  await kill9Phase(result, session, bNow);
  await sigtermPhase(result, session, a);

  const [audit] = await sql(
    "select count(*)::int as rows, count(*) filter (where seq is null)::int as unsealed from audit_log",
  );
  result.audit = audit;
  result.checks = checks;
  result.ok = checks.every((c) => c.ok);
  return result;
}

async function cleanup() {
  for (const c of children) c.kill("SIGKILL");
  await sleep(300);
  await sql(`drop database if exists ${dbName} with (force)`, [], adminUrl).catch((e) =>
    log(`drop: ${e.message}`),
  );
  if (!process.env.DRILL_KEEP) fs.rmSync(work, { recursive: true, force: true });
}

main().then(
  async (result) => {
    const out = { name: "cluster-drill", engine: "postgres", date: new Date().toISOString(), ...result };
    fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, `bench/results/cluster-drill-postgres${APP_CPU ? `-app-cpu-${APP_CPU}` : ""}.json`),
      `${JSON.stringify(out, null, 2)}\n`,
    );
    console.log(JSON.stringify(out, null, 2));
    await cleanup();
    process.exit(result.ok ? 0 : 1);
  },
  async (err) => {
    console.error(err);
    log(`logs kept in ${work}`);
    process.env.DRILL_KEEP = "1";
    await cleanup();
    process.exit(1);
  },
);
