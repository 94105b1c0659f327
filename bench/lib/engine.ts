import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { queryRows, type Database } from "../../server/src/db/client";
import { progress } from "./stats";

export type EngineName = "pglite" | "postgres";

/** A fresh, empty place to run the server against: a temp DATA_DIR and, on PostgreSQL, a new database. */
export type BenchTarget = {
  engine: EngineName;
  /** Set when the run departs from the shipped configuration (e.g. "jit-off"); names the result file. */
  variant: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Drops the database (PostgreSQL) and removes the temp DATA_DIR. */
  cleanup: () => Promise<void>;
};

/** PostgreSQL when DATABASE_URL is set (it names the server to create bench databases on), else PGlite. */
export function engineFromEnv(): EngineName {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/** BENCH_PG_JIT=off runs PostgreSQL with JIT compilation disabled for the bench database. */
const jitOff = () => process.env.BENCH_PG_JIT === "off";

/** BENCH_VARIANT names a run at a non-default scale or setting (so it does not overwrite the default file). */
export function variantFromEnv(): string | undefined {
  const named = process.env.BENCH_VARIANT?.replace(/[^\w-]/g, "") || undefined;
  const jit = engineFromEnv() === "postgres" && jitOff() ? "jit-off" : undefined;
  return [jit, named].filter(Boolean).join("-") || undefined;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * BENCH_REUSE_DB names a database kept by an earlier run (on PGlite: its data folder) to run
 * against instead of a fresh one; a benchmark that supports it then skips generating its data.
 */
export function reusedFromEnv(): string | undefined {
  return process.env.BENCH_REUSE_DB || undefined;
}

/** BENCH_KEEP_DB=1 (or a reused database) leaves the database and data folder in place at the end. */
const keep = () => process.env.BENCH_KEEP_DB === "1" || reusedFromEnv() !== undefined;

export async function createTarget(label: string): Promise<BenchTarget> {
  const reused = reusedFromEnv();
  const adminUrl = process.env.DATABASE_URL;
  const name = reused ?? `toandan_bench_${label.replace(/\W/g, "_")}_${Date.now()}`;
  // On PostgreSQL the data folder (keys, audit checkpoints) is named after the database, so a
  // reused database finds the keys it was written with.
  const dataDir = adminUrl
    ? path.join(os.tmpdir(), `toandan-bench-${name}`)
    : (reused ?? fs.mkdtempSync(path.join(os.tmpdir(), `toandan-bench-${label}-`)));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!adminUrl) {
    const cleanup = async () => {
      if (keep()) progress(`kept the data folder (BENCH_REUSE_DB=${dataDir} to run on it again)`);
      else removeDir();
    };
    return { engine: "pglite", variant: variantFromEnv(), dataDir, databaseUrl: undefined, cleanup };
  }
  if (!reused) {
    await onServer(adminUrl, async (c) => {
      await c.query(`create database "${name}"`);
      if (jitOff()) await c.query(`alter database "${name}" set jit = off`);
    });
  }
  return {
    engine: "postgres",
    variant: variantFromEnv(),
    dataDir,
    databaseUrl: withDatabase(adminUrl, name),
    cleanup: async () => {
      if (keep()) progress(`kept database ${name} (BENCH_REUSE_DB=${name} to run on it again)`);
      else {
        await onServer(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
        removeDir();
      }
    },
  };
}

/** On PostgreSQL, what the bench database's sessions are doing (to explain a stalled start). */
export async function sessionActivity(target: BenchTarget): Promise<string> {
  const adminUrl = process.env.DATABASE_URL;
  if (target.engine !== "postgres" || !adminUrl || !target.databaseUrl) return "";
  const name = new URL(target.databaseUrl).pathname.slice(1);
  const rows = await onServer(adminUrl, (c) =>
    c.query<{ line: string }>(
      `select concat_ws(' | ', state, wait_event_type, wait_event, left(query, 200)) as line
       from pg_stat_activity where datname = $1`,
      [name],
    ),
  );
  return rows.rows.map((r) => r.line).join("\n");
}

/** "PostgreSQL 15.x …" as the engine reports it, with the settings that matter to these figures. */
export async function engineInfo(
  database: Database,
): Promise<{ version: string; settings: Record<string, string> }> {
  const [row] = await queryRows<{ v: string }>(database.db, sql`select version() as v`);
  const settings = await queryRows<{ name: string; setting: string; unit: string | null }>(
    database.db,
    sql`select name, setting, unit from pg_settings
        where name in ('jit', 'shared_buffers', 'work_mem', 'random_page_cost')
        union all select 'datcollate', datcollate, null from pg_database where datname = current_database()
        order by name`,
  );
  return {
    version: row?.v.split(" on ")[0] ?? "unknown",
    settings: Object.fromEntries(settings.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ""}`])),
  };
}
