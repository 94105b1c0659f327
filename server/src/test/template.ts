/**
 * The migrated, imported database that every integration test file starts from, built once per
 * test run (global-setup.ts) and cloned per file (harness.ts):
 * - PGlite: a data folder in the temporary directory, its spare WAL segments removed, copied into
 *   each file's own folder (a copy and an open take under a second; a migration and the unit import
 *   take 15–25 s);
 * - PostgreSQL: a template database `toandan_template_<random>`, cloned with
 *   `CREATE DATABASE … TEMPLATE …`.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../db/client";
import { seedGroupTypes } from "../modules/groups";
import { importOfficialUnits } from "../modules/org-units";

export type DatabaseTemplate =
  { engine: "pglite"; dir: string } | { engine: "postgres"; baseUrl: string; name: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What every test file's database holds before its own rows: migrations, group types, units. */
export async function fillDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedGroupTypes(database.db);
  await importOfficialUnits(database);
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Random, and safe to write into SQL unquoted. */
export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

async function withAdmin<T>(baseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  // A server that ends this short-lived connection must not take the test process with it.
  c.on("error", () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Waits (≤ 5 s) until no session is connected to the database: a pool's sockets close a moment after pool.end(). */
async function waitForNoSessions(c: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const { rows } = await c.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = $1",
      [name],
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await sleep(100);
  }
}

/**
 * Checkpoints and names the WAL segment being written. After the checkpoint, older segments are
 * not needed to start the database; newer ones are old segments PostgreSQL renamed for reuse.
 */
async function checkpointedWalSegment(database: Database): Promise<string> {
  await database.pglite!.exec("checkpoint");
  const { rows } = await database.pglite!.query<{ file: string }>(
    "select pg_walfile_name(pg_current_wal_insert_lsn()) as file",
  );
  return rows[0]!.file;
}

/**
 * Removes the WAL segments the closed template does not need (about 80 of its 175 MB, copied by
 * every test file otherwise): all but the one in use at the last checkpoint and the next one,
 * which the shutdown checkpoint may have reached. PostgreSQL creates new segments as it needs them.
 */
function trimWal(dataDir: string, inUse: string): void {
  const walDir = path.join(dataDir, "pg_wal");
  const segments = fs
    .readdirSync(walDir)
    .filter((f) => /^[0-9A-F]{24}$/.test(f))
    .sort();
  const next = segments.find((f) => f > inUse);
  for (const f of segments) {
    if (f !== inUse && f !== next) fs.rmSync(path.join(walDir, f));
  }
}

/** Builds the template; `dispose` removes it. */
export async function buildTemplate(
  baseUrl: string | undefined,
): Promise<{ template: DatabaseTemplate; dispose: () => Promise<void> }> {
  if (!baseUrl) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-template-"));
    const database = await openDatabase({ dataDir: root });
    let walInUse: string;
    try {
      await fillDatabase(database);
      walInUse = await checkpointedWalSegment(database);
    } finally {
      await database.close();
    }
    trimWal(path.join(root, "pglite"), walInUse);
    return {
      template: { engine: "pglite", dir: path.join(root, "pglite") },
      dispose: async () => fs.rmSync(root, { recursive: true, force: true }),
    };
  }
  const name = randomDatabaseName("toandan_template");
  await withAdmin(baseUrl, (c) => c.query(`create database ${name}`));
  const drop = () =>
    withAdmin(baseUrl, async (c) => {
      await c.query(`alter database ${name} with allow_connections true is_template false`);
      await c.query(`drop database if exists ${name} with (force)`);
    });
  try {
    const database = await openDatabase({ databaseUrl: databaseUrl(baseUrl, name) });
    database.pool?.on("connect", (client) => client.on("error", () => undefined));
    try {
      await fillDatabase(database);
    } finally {
      await database.close();
    }
    // A template can be copied only while nobody is connected to it: wait for the pool's sockets
    // to close, then refuse connections so that no stray session can block a clone.
    await withAdmin(baseUrl, async (c) => {
      await waitForNoSessions(c, name);
      await c.query(`alter database ${name} with allow_connections false is_template true`);
    });
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
  return { template: { engine: "postgres", baseUrl, name }, dispose: drop };
}

export type DatabaseCopy = {
  /** A new temporary folder: PGlite's files are in `<dataDir>/pglite`; use it as DATA_DIR. */
  dataDir: string;
  /** The new database's URL on PostgreSQL; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Removes the copy (drops the PostgreSQL database, removes the folder); close it first. */
  remove: () => Promise<void>;
};

/**
 * A database of the caller's own, not opened: a copy of the template when one is given, else an
 * empty one (an empty folder for PGlite, a new database on PostgreSQL when `baseUrl` is given).
 */
export async function copyTemplate(opts: {
  template?: DatabaseTemplate | undefined;
  baseUrl?: string | undefined;
}): Promise<DatabaseCopy> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-test-"));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const template = opts.template;
  const baseUrl = template?.engine === "postgres" ? template.baseUrl : opts.baseUrl;
  if (!baseUrl) {
    if (template?.engine === "pglite") {
      fs.cpSync(template.dir, path.join(dataDir, "pglite"), { recursive: true });
    }
    return { dataDir, databaseUrl: undefined, remove: async () => removeDir() };
  }
  const name = randomDatabaseName("toandan_test");
  await withAdmin(baseUrl, async (c) => {
    if (template?.engine !== "postgres") return c.query(`create database ${name}`);
    // Concurrent clones of one template are allowed, but PostgreSQL refuses a clone while any
    // session is connected to the template (55006); none should be, so retry a little, then fail.
    for (let attempt = 1; ; attempt++) {
      try {
        return await c.query(`create database ${name} template ${template.name}`);
      } catch (err) {
        if ((err as { code?: string }).code !== "55006" || attempt >= 30) throw err;
        await sleep(100 + Math.random() * 200);
      }
    }
  });
  return {
    dataDir,
    databaseUrl: databaseUrl(baseUrl, name),
    remove: async () => {
      await withAdmin(baseUrl, async (c) => {
        // Forcing the drop while a pool socket is still closing would end it with a FATAL error
        // in the test process: wait for them first.
        await waitForNoSessions(c, name);
        await c.query(`drop database if exists ${name} with (force)`);
      });
      removeDir();
    },
  };
}

export type TestDatabase = {
  database: Database;
  /** The folder PGlite keeps its files in (`<dataDir>/pglite`); also for the app's DATA_DIR. */
  dataDir: string;
  /** Closes the database and removes it (the PostgreSQL database, the folder). */
  close: () => Promise<void>;
};

/**
 * A database of the test file's own, opened: a copy of the template when one is given, else an
 * empty one (in memory for PGlite) that the caller fills.
 */
export async function openTestDatabase(opts: {
  template?: DatabaseTemplate | undefined;
  baseUrl?: string | undefined;
}): Promise<TestDatabase> {
  const copy = await copyTemplate(opts);
  let database: Database;
  try {
    database = await openDatabase(
      copy.databaseUrl || opts.template?.engine === "pglite"
        ? { databaseUrl: copy.databaseUrl, dataDir: copy.dataDir }
        : {},
    );
  } catch (err) {
    await copy.remove();
    throw err;
  }
  // A socket the pool is still closing when the database is dropped reports "terminating
  // connection"; in a test that is the expected end, not a failure of the run.
  database.pool?.on("connect", (client) => client.on("error", () => undefined));
  return {
    database,
    dataDir: copy.dataDir,
    close: async () => {
      await database.close();
      await copy.remove();
    },
  };
}
