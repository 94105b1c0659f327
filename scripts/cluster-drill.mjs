#!/usr/bin/env node
// Cluster drill (issue 16, item 4): two app processes behind HAProxy on one PostgreSQL. Not part of
// `npm test`; needs DATABASE_URL (the server: a fresh database is created on it and dropped after)
// and haproxy on PATH (Debian: apt-get install -y haproxy). Installs nothing.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/cluster-drill.mjs
//
// It starts both processes at the same moment on the empty database (migrations must run once),
// checks sessions across processes and the sign-in limits across both (the lockout, the per-client
// rate limit), measures write throughput (createActivity) through the balancer with one process and
// with two, then kills one with -9 in the middle of a write load and checks that every acknowledged
// write is in the database and the other keeps serving; last, SIGTERM to the survivor mid-load
// (graceful shutdown: in-flight requests finish, exit 0). Prints the figures as JSON and writes them
// to bench/results/cluster-drill-postgres.json. Exit 1 if a check fails.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.DRILL_SECONDS ?? 15); // each throughput phase
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 24);
const BASE_PORT = Number(process.env.DRILL_PORT ?? 3181); // app A, app B, balancer (2), haproxy stats
const PASSWORD = "demo12345"; // the demo accounts' password (modules/demo)

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL must name a PostgreSQL server (postgres://user@host:5432/postgres).");
  process.exit(2);
}
if (spawnSync("haproxy", ["-v"]).error) {
  console.error("haproxy is not installed: apt-get install -y haproxy (Debian), then run again.");
  process.exit(2);
}

const log = (m) => process.stderr.write(`[drill ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];
const check = (name, ok, detail) => {
  checks.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail === undefined ? "" : ` — ${JSON.stringify(detail)}`}`);
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-drill-"));
const dbName = `toandan_drill_${Date.now()}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const ports = { a: BASE_PORT, b: BASE_PORT + 1, lbOne: BASE_PORT + 2, lbTwo: BASE_PORT + 3 };
const children = new Set();

async function sql(text, params = [], url = dbUrl) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

// ---- processes ----------------------------------------------------------------------------------

function startApp(name, port) {
  const dataDir = path.join(work, name);
  const out = fs.openSync(path.join(work, `${name}.log`), "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      // Every process seals and opens with the same keys (copied to every machine in production).
      MASTER_KEY_FILE: path.join(work, "keys", "master.key"),
      WEB_DIST: path.join(work, "no-web"),
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
      TRUST_PROXY: "127.0.0.1",
      SHUTDOWN_DRAIN_SECONDS: "3",
      SHUTDOWN_GRACE_SECONDS: "10",
    },
    stdio: ["ignore", out, out],
  });
  children.add(child);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { name, port, child, exited, logFile: path.join(work, `${name}.log`) };
}

async function waitReady(port, timeoutMs = 180_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const r = await request(port, "GET", "/api/ready").catch(() => null);
    if (r?.status === 200) return Date.now() - t0;
    await sleep(200);
  }
  throw new Error(`port ${port} not ready after ${timeoutMs / 1000} s`);
}

function haproxyConfig() {
  // The same shape as the sample in docs/operations.md, on local ports; two frontends so that the
  // one-process and two-process figures go through the same balancer.
  const server = (n, p) => `  server ${n} 127.0.0.1:${p} check inter 1s fall 2 rise 2 maxconn 64`;
  const backend = (name, servers) => `
backend ${name}
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/ready
  http-check expect status 200
  retries 2
  option redispatch
  retry-on conn-failure
${servers.join("\n")}
`;
  return `global
  maxconn 4096
defaults
  mode http
  timeout connect 3s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  option http-keep-alive
frontend one
  bind 127.0.0.1:${ports.lbOne}
  http-request set-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto http
  default_backend app_one
frontend two
  bind 127.0.0.1:${ports.lbTwo}
  http-request set-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto http
  default_backend app_two
${backend("app_one", [server("a", ports.a)])}
${backend("app_two", [server("a", ports.a), server("b", ports.b)])}`;
}

// ---- HTTP ---------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(port, method, url, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(data ? { "content-type": "application/json", "content-length": data.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function signIn(port, username, password = PASSWORD, xff) {
  const r = await request(port, "POST", "/api/v1/auth/login", {
    body: { username, password },
    headers: xff ? { "x-forwarded-for": xff } : {},
  });
  const cookie = [r.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("td_session="));
  return { status: r.status, cookie: cookie?.split(";")[0], csrf: r.json?.csrfToken, user: r.json?.user };
}

// ---- the write load -----------------------------------------------------------------------------

function activityBody(s, n) {
  const t = s.targets[n % s.targets.length];
  const day = new Date(Date.now() - (n % 300) * 86_400_000).toISOString().slice(0, 10);
  return {
    orgUnitId: t.areaId,
    kind: "meeting",
    date: day,
    organizerBodyIds: [t.bodyIds[n % t.bodyIds.length]],
    topics: ["drugs"],
    title: `Diễn tập cụm số ${n}`,
    attendees: 10 + (n % 200),
    households: n % 80,
    students: 0,
    leaflets: n % 300,
    broadcastItems: 0,
    broadcastHours: 0,
  };
}

/**
 * A closed loop of CONNECTIONS writers for `seconds`; `at` runs a callback at a moment of the run.
 * Every answer is kept: status, the id of a 2xx, or the socket error.
 */
let serial = 0; // every write of the drill has its own title number

async function writeLoad(port, s, seconds, at) {
  const results = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let fired = false;
  const writer = async () => {
    while (performance.now() < end) {
      if (at && !fired && performance.now() - t0 >= at.ms) {
        fired = true;
        at.run();
      }
      const i = serial++;
      const sent = performance.now() - t0;
      try {
        const r = await request(port, "POST", "/api/v1/activities", {
          body: activityBody(s, i),
          headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
        });
        results.push({
          sent,
          done: performance.now() - t0,
          n: i,
          status: r.status,
          id: r.json?.id,
          body: r.status >= 300 ? r.text.slice(0, 160) : undefined,
        });
      } catch (e) {
        results.push({ n: i, sent, done: performance.now() - t0, status: 0, error: e.code ?? e.message });
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, writer));
  const wall = (performance.now() - t0) / 1000;
  const ok = results.filter((r) => r.status >= 200 && r.status < 300);
  const lat = ok.map((r) => r.done - r.sent).sort((x, y) => x - y);
  const pct = (p) =>
    lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]) : null;
  const byStatus = {};
  for (const r of results) byStatus[r.status || r.error] = (byStatus[r.status || r.error] ?? 0) + 1;
  return {
    results,
    figures: {
      seconds: Number(wall.toFixed(1)),
      connections: CONNECTIONS,
      sent: results.length,
      acknowledged: ok.length,
      writesPerSecond: Math.round(ok.length / wall),
      latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) },
      byStatus,
    },
  };
}

/** CPU seconds (user + system) used so far by each process, from /proc (Linux). */
function cpuSeconds(pids) {
  const tick = 100; // USER_HZ
  return pids.map((pid) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      return 0;
    }
  });
}

/** The machine's CPU counters: [busy, total] jiffies over all cores. */
function machineCpu() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((x, y) => x + y, 0);
  return [total - f[3] - f[4], total];
}

/** Runs `fn` and adds the CPU the app processes used during it, and the machine's busy share. */
async function withCpu(pids, fn) {
  const before = cpuSeconds(pids);
  const m0 = machineCpu();
  const t0 = performance.now();
  const r = await fn();
  const wall = (performance.now() - t0) / 1000;
  const used = cpuSeconds(pids).map((x, i) => Number(((x - before[i]) / wall).toFixed(2)));
  const m1 = machineCpu();
  r.figures.appCpuCores = { a: used[0], b: used[1] };
  r.figures.machineBusy = Number(((m1[0] - m0[0]) / (m1[1] - m0[1])).toFixed(2));
  return r;
}

async function missingIds(ids) {
  if (ids.length === 0) return [];
  const rows = await sql("select id::text from activities where id = any($1::uuid[])", [ids]);
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

// ---- the drill ----------------------------------------------------------------------------------

async function main() {
  const result = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg() },
  };
  await sql(`create database ${dbName}`, [], adminUrl);
  fs.mkdirSync(path.join(work, "no-web"));
  log(`database ${dbName}; work folder ${work}`);

  // 1. Simultaneous start on an empty database.
  const a = startApp("a", ports.a);
  const b = startApp("b", ports.b);
  const [readyA, readyB] = await Promise.all([waitReady(ports.a), waitReady(ports.b)]);
  const journal = JSON.parse(
    fs.readFileSync(path.join(ROOT, "server/src/db/migrations/meta/_journal.json"), "utf8"),
  ).entries.length;
  const [mig] = await sql(
    "select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations",
  );
  const [units] = await sql(
    "select count(*)::int as n, count(distinct (kind, code, valid_from))::int as codes from org_units where is_official",
  );
  const waited = [a, b].filter((p) =>
    fs.readFileSync(p.logFile, "utf8").includes("another process is preparing"),
  );
  result.start = {
    msToReady: { a: readyA, b: readyB },
    migrationsInJournal: journal,
    migrationRows: mig.n,
    waitedForTheOther: waited.map((p) => p.name),
  };
  check("simultaneous start: both ready", true, { a: readyA, b: readyB });
  check("migrations ran once (one row per migration)", mig.n === journal && mig.distinct_hashes === journal, {
    rows: mig.n,
    journal,
  });
  check(
    "one process waited for the other's start-up work",
    waited.length === 1,
    waited.map((p) => p.name),
  );
  check("units imported once", units.n === units.codes, units);

  const haproxyCfg = path.join(work, "haproxy.cfg");
  fs.writeFileSync(haproxyCfg, haproxyConfig());
  const lb = spawn("haproxy", ["-db", "-f", haproxyCfg], {
    stdio: ["ignore", "ignore", fs.openSync(path.join(work, "haproxy.log"), "a")],
  });
  children.add(lb);
  lb.once("exit", () => children.delete(lb));
  await waitReady(ports.lbTwo, 10_000);
  await sleep(2500); // both servers marked up (rise 2, inter 1s)

  // 2. Sessions are rows in the database: a cookie from one process is valid on the other.
  const viaA = await signIn(ports.a, "baclieu.mttq");
  const meOnB = await request(ports.b, "GET", "/api/v1/auth/me", { headers: { cookie: viaA.cookie } });
  check("a session made on A is valid on B", viaA.status === 200 && meOnB.status === 200, {
    signIn: viaA.status,
    meOnB: meOnB.status,
  });

  // 3. Sign-in limits across both processes (clients named by X-Forwarded-For from the trusted balancer).
  const lockUser = "anxuyen.mttq";
  const lockCodes = [];
  for (let i = 0; i < 5; i++) {
    lockCodes.push(
      (await signIn(i % 2 ? ports.b : ports.a, lockUser, "wrong-password-1", "203.0.113.8")).status,
    );
  }
  const afterLock = await signIn(ports.b, lockUser, PASSWORD, "203.0.113.8");
  const [lockRow] = await sql(
    "select failed_attempts, locked_until is not null as locked from accounts where username = $1",
    [lockUser],
  );
  check(
    "lockout: 5 wrong passwords over A and B lock the account (right password then refused)",
    afterLock.status === 401 && lockRow.locked,
    { wrong: lockCodes, rightPasswordAfter: afterLock.status, row: lockRow },
  );

  const limit = 20; // LOGIN_RATE_LIMIT default, per client per minute
  const rateCodes = [];
  for (let i = 0; i < limit + 4; i++) {
    rateCodes.push(
      (await signIn(i % 2 ? ports.b : ports.a, "nobody.drill", "x-wrong-password", "198.51.100.77")).status,
    );
  }
  const allowed = rateCodes.filter((c) => c !== 429).length;
  const other = await signIn(ports.b, "nobody.drill", "x-wrong-password", "198.51.100.78");
  check(
    `per-client sign-in limit counted across A and B (${limit} per minute)`,
    allowed === limit && rateCodes.slice(limit).every((c) => c === 429),
    { allowed, after: rateCodes.slice(limit) },
  );
  check("another client (X-Forwarded-For from the trusted balancer) is not limited", other.status === 401, {
    status: other.status,
  });
  result.signInLimits = {
    lockout: { wrong: lockCodes, rightPasswordAfter: afterLock.status },
    rateLimit: { sent: rateCodes.length, allowed, otherClient: other.status },
  };

  // 4. Throughput: one process vs two, the same balancer, the same load.
  const s0 = await signIn(ports.lbTwo, "baclieu.mttq");
  const found = await request(ports.lbTwo, "GET", "/api/v1/org-units?q=khom%201", {
    headers: { cookie: s0.cookie },
  });
  const area = found.json.items.find((u) => u.name === "Khóm 1");
  const ward = await request(ports.lbTwo, "GET", `/api/v1/org-units/${area.parentId}`, {
    headers: { cookie: s0.cookie },
  });
  const hot = {
    load: "hot: every write to the one demo area (Khóm 1), the same rollup rows",
    cookie: s0.cookie,
    csrf: s0.csrf,
    targets: [{ areaId: area.id, bodyIds: ward.json.bodies.map((x) => x.id) }],
  };
  const probe = await request(ports.lbTwo, "POST", "/api/v1/activities", {
    body: activityBody(hot, 0),
    headers: { cookie: hot.cookie, "x-csrf-token": hot.csrf },
  });
  if (probe.status !== 201 || !probe.json?.id) throw new Error(`probe write: ${probe.status} ${probe.text}`);
  // Spread: the province account writes to its communes in turn, as many communes do at once.
  const s1 = await signIn(ports.lbTwo, "camau.mttq");
  const province = s1.user.roles[0].orgUnitId;
  const communes = await request(ports.lbTwo, "GET", `/api/v1/org-units?parentId=${province}&limit=40`, {
    headers: { cookie: s1.cookie },
  });
  const targets = [];
  for (const c of communes.json.items) {
    const unit = await request(ports.lbTwo, "GET", `/api/v1/org-units/${c.id}`, {
      headers: { cookie: s1.cookie },
    });
    const bodies = (unit.json?.bodies ?? []).map((x) => x.id);
    if (bodies.length > 0) targets.push({ areaId: c.id, bodyIds: bodies });
  }
  const spread = {
    load: `spread: writes to ${targets.length} communes of one province in turn`,
    cookie: s1.cookie,
    csrf: s1.csrf,
    targets,
  };
  const probe2 = await request(ports.lbTwo, "POST", "/api/v1/activities", {
    body: activityBody(spread, 0),
    headers: { cookie: spread.cookie, "x-csrf-token": spread.csrf },
  });
  if (probe2.status !== 201) throw new Error(`spread probe write: ${probe2.status} ${probe2.text}`);
  const session = spread;
  log(
    `warm-up ${SECONDS / 3} s, then per load ${SECONDS} s one process, ${SECONDS} s two, twice (${CONNECTIONS} connections)…`,
  );
  await writeLoad(ports.lbTwo, spread, SECONDS / 3);
  await sql("analyze"); // a fresh database: give the planner its statistics before measuring
  // One, two, one, two per load: the machine's other work drifts; each pair gives a ratio.
  const rounds = [];
  for (const load of [spread, hot]) {
    for (let i = 0; i < 2; i++) {
      const pids = [a.child.pid, b.child.pid];
      const one = await withCpu(pids, () => writeLoad(ports.lbOne, load, SECONDS));
      const loadOne = os.loadavg()[0];
      const two = await withCpu(pids, () => writeLoad(ports.lbTwo, load, SECONDS));
      const ratio = Number((two.figures.writesPerSecond / one.figures.writesPerSecond).toFixed(2));
      rounds.push({ load: load.load, one, two, ratio, loadAverage1m: [loadOne, os.loadavg()[0]] });
      log(
        `${load.load.split(":")[0]}: one ${one.figures.writesPerSecond}/s, two ${two.figures.writesPerSecond}/s, ratio ${ratio}`,
      );
    }
  }
  result.throughput = {
    goal: ">= 1.6",
    rounds: rounds.map((r) => ({
      load: r.load,
      oneProcess: r.one.figures,
      twoProcesses: r.two.figures,
      ratio: r.ratio,
      loadAverage1m: r.loadAverage1m.map((x) => Number(x.toFixed(1))),
    })),
  };
  const all = rounds.flatMap((r) => [...r.one.results, ...r.two.results]);
  const lostBefore = await missingIds(all.filter((r) => r.id).map((r) => r.id));
  check("throughput phases: every acknowledged write is in the database", lostBefore.length === 0, {
    missing: lostBefore.length,
  });

  // 5. kill -9 of B in the middle of a write load through the balancer.
  const killAt = (SECONDS * 1000) / 2;
  let killedAt = 0;
  const crash = await writeLoad(ports.lbTwo, session, SECONDS, {
    ms: killAt,
    run: () => {
      killedAt = killAt;
      log("kill -9 app B");
      b.child.kill("SIGKILL");
    },
  });
  const acknowledged = crash.results.filter((r) => r.id).map((r) => r.id);
  const lost = await missingIds(acknowledged);
  const failed = crash.results.filter((r) => r.status < 200 || r.status >= 300);
  const afterKill = crash.results.filter((r) => r.sent > killedAt + 3000);
  const afterKillOk = afterKill.filter((r) => r.status === 201).length;
  result.kill9 = {
    ...crash.figures,
    killedAtMs: killedAt,
    lostAcknowledged: lost.length,
    failed: failed.length,
    failedWhen: failed.map((r) => Math.round(r.sent)),
    failedAnswers: [...new Set(failed.map((r) => `${r.status || r.error} ${r.body ?? ""}`.trim()))],
    // A write cut in flight may have committed before the kill: the client cannot know (no answer).
    failedButCommitted: (
      await sql("select count(*)::int as n from activities where title = any($1)", [
        failed.map((r) => activityBody(session, r.n).title),
      ])
    )[0].n,
    sentMoreThan3sAfterKill: afterKill.length,
    okMoreThan3sAfterKill: afterKillOk,
  };
  check("kill -9: 0 acknowledged writes lost", lost.length === 0, {
    acknowledged: acknowledged.length,
    lost: lost.length,
  });
  check("kill -9: the survivor keeps serving", afterKill.length > 0 && afterKillOk === afterKill.length, {
    sent: afterKill.length,
    ok: afterKillOk,
  });
  check(
    "kill -9: failures only around the kill (in flight on B)",
    failed.every((r) => r.sent >= killedAt - 2000 && r.sent <= killedAt + 3000),
    { failed: failed.length, inFlightAtKill: Math.min(CONNECTIONS, failed.length) },
  );

  // 6. B comes back; then SIGTERM to A in the middle of a write load through the balancer: A answers
  // /api/ready 503 for SHUTDOWN_DRAIN_SECONDS (the balancer takes it out), closes its listener,
  // finishes the requests in flight and exits 0. No client should see a failure.
  const b2 = startApp("b", ports.b);
  const rejoinMs = await waitReady(ports.b);
  await sleep(2500); // marked up again (rise 2, inter 1s)
  const term = { at: 0, exit: null, ms: 0 };
  const graceful = await writeLoad(ports.lbTwo, session, 10, {
    ms: 3000,
    run: () => {
      term.at = performance.now();
      log("SIGTERM app A");
      a.child.kill("SIGTERM");
      void a.exited.then((e) => {
        term.exit = e;
        term.ms = Math.round(performance.now() - term.at);
      });
    },
  });
  await a.exited;
  const gAck = graceful.results.filter((r) => r.id).map((r) => r.id);
  const gLost = await missingIds(gAck);
  const gFailed = graceful.results.filter((r) => r.status < 200 || r.status >= 300);
  const aLog = fs.readFileSync(a.logFile, "utf8");
  result.sigterm = {
    ...graceful.figures,
    bRejoinedReadyMs: rejoinMs,
    exit: term.exit,
    msToExit: term.ms,
    stoppedLine: /Stopped in [0-9.]+ s/.exec(aLog)?.[0],
    cutByDeadline: aLog.includes("cutting them"),
    lostAcknowledged: gLost.length,
    failed: gFailed.length,
    failedAnswers: [...new Set(gFailed.map((r) => `${r.status || r.error} ${r.body ?? ""}`.trim()))],
  };
  check(
    "SIGTERM: exit code 0, within the grace period",
    term.exit?.code === 0 && !result.sigterm.cutByDeadline,
    {
      ...term.exit,
      ms: term.ms,
    },
  );
  check(
    "SIGTERM through the balancer: no client saw a failure",
    gFailed.length === 0,
    graceful.figures.byStatus,
  );
  check("SIGTERM: 0 acknowledged writes lost", gLost.length === 0, { acknowledged: gAck.length });
  const stillB = await request(ports.lbTwo, "GET", "/api/v1/auth/me", {
    headers: { cookie: session.cookie },
  });
  check("B serves the session alone after A stopped", stillB.status === 200, { status: stillB.status });
  void b2;

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
      path.join(ROOT, "bench/results/cluster-drill-postgres.json"),
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
