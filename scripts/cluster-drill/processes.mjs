// Cluster drill: the app processes and the HAProxy balancer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, sleep, work, dbUrl, ports, children } from "./config.mjs";
import { request } from "./http.mjs";

export function startApp(name, port) {
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

const CPU_CGROUP = "/sys/fs/cgroup/cpu"; // cgroup v1's cpu controller (this workplace's machines)

/**
 * DRILL_APP_CPU=<cores>: caps each app process at that much CPU with a cgroup `cpu` quota (root
 * only), so that the app processes, not the database, are the limit — as on a machine with more
 * cores than the app needs. One group per app name: `join(app)` puts a (re)started process in its
 * group; `lift()` takes the live ones out and removes the groups.
 */
export function capAppCpu(apps, cores) {
  if (!fs.existsSync(path.join(CPU_CGROUP, "cpu.cfs_quota_us"))) {
    throw new Error(`DRILL_APP_CPU needs cgroup v1's cpu controller at ${CPU_CGROUP}`);
  }
  const groups = new Map();
  const live = (app) => app.child.exitCode === null && app.child.signalCode === null;
  const join = (app) => {
    let group = groups.get(app.name);
    if (!group) {
      const dir = path.join(CPU_CGROUP, `toandan-drill-${app.name}-${process.pid}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "cpu.cfs_period_us"), "100000");
      fs.writeFileSync(path.join(dir, "cpu.cfs_quota_us"), String(Math.round(cores * 100_000)));
      group = { dir, app };
      groups.set(app.name, group);
    }
    group.app = app;
    fs.writeFileSync(path.join(group.dir, "cgroup.procs"), String(app.child.pid));
  };
  for (const app of apps) join(app);
  const lift = () => {
    for (const { app, dir } of groups.values()) {
      if (live(app)) fs.writeFileSync(path.join(CPU_CGROUP, "cgroup.procs"), String(app.child.pid));
      fs.rmdirSync(dir);
    }
  };
  return { join, lift };
}

export async function waitReady(port, timeoutMs = 180_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const r = await request(port, "GET", "/api/ready").catch(() => null);
    if (r?.status === 200) return Date.now() - t0;
    await sleep(200);
  }
  throw new Error(`port ${port} not ready after ${timeoutMs / 1000} s`);
}

export function haproxyConfig() {
  // The same shape as the sample in docs/operations.md (leastconn: a process that falls behind gets
  // fewer new requests), on local ports; two frontends so that the one-process and two-process
  // figures go through the same balancer.
  const server = (n, p) => `  server ${n} 127.0.0.1:${p} check inter 1s fall 2 rise 2 maxconn 64`;
  const backend = (name, servers) => `
backend ${name}
  balance leastconn
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
