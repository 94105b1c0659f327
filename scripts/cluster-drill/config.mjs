// Cluster drill: settings, the run's database and work folder, logging and the checks.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SECONDS = Number(process.env.DRILL_SECONDS ?? 15); // each throughput phase
export const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 24);
// DRILL_APP_CPU=<cores>: each app process capped at that much CPU while throughput is measured.
export const APP_CPU = process.env.DRILL_APP_CPU ? Number(process.env.DRILL_APP_CPU) : undefined;
if (APP_CPU !== undefined && !(APP_CPU > 0 && APP_CPU <= 1)) {
  console.error("DRILL_APP_CPU must be a number of cores in (0, 1], e.g. 0.2.");
  process.exit(2);
}
export const BASE_PORT = Number(process.env.DRILL_PORT ?? 3181); // app A, app B, balancer (2), haproxy stats
export const PASSWORD = "demo12345"; // the demo accounts' password (modules/demo)

export const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL must name a PostgreSQL server (postgres://user@host:5432/postgres).");
  process.exit(2);
}
if (spawnSync("haproxy", ["-v"]).error) {
  console.error("haproxy is not installed: apt-get install -y haproxy (Debian), then run again.");
  process.exit(2);
}

export const log = (m) => process.stderr.write(`[drill ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const checks = [];
export const check = (name, ok, detail) => {
  checks.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail === undefined ? "" : ` — ${JSON.stringify(detail)}`}`);
};

export const work = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-drill-"));
export const dbName = `toandan_drill_${Date.now()}`;
export const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
export const ports = { a: BASE_PORT, b: BASE_PORT + 1, lbOne: BASE_PORT + 2, lbTwo: BASE_PORT + 3 };
export const children = new Set();

export async function sql(text, params = [], url = dbUrl) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}
