import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { acquireFolderLock, prepareDataFolder, StartupError } from "./data-folder";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or an open transaction: both run the same queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  /** Runs a migration pass (idempotent); a failure names the migration file and the database's message. */
  migrate: () => Promise<void>;
  /** The migrations (file names) not yet applied; opening does not apply them. */
  pendingMigrations: () => Promise<string[]>;
  /**
   * Runs `fn` while holding the database-wide start-up lock (PostgreSQL: a session advisory lock,
   * so that migrations, the unit import and the demo seed of processes started together run once;
   * PGlite: the data folder's lock file already gives the folder one process).
   */
  exclusive: <T>(fn: () => Promise<T>, onWait?: () => void) => Promise<T>;
  close: () => Promise<void>;
  /** Bulk load through COPY where the engine supports it (used by imports). */
  pglite?: PGlite;
  pool?: pg.Pool;
};

const defaultMigrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Who opens a PGlite folder, written into its lock file (data-folder.ts); default "open". */
  owner?: { command: string; host?: string; port?: number } | undefined;
  migrationsFolder?: string | undefined;
};

/** `toandan` on 127.0.0.1:5432 — never the user or password of the URL. */
export function describeUrl(databaseUrl: string): { host: string; port: string; database: string } {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname || "localhost",
    port: url.port || "5432",
    database:
      decodeURIComponent(url.pathname.replace(/^\//, "")) ||
      (url.username ? decodeURIComponent(url.username) : "postgres"),
  };
}

type PgErrorFields = {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  errors?: unknown[];
};

/** The database's own error inside a wrapper (drizzle's "Failed query: …", an AggregateError). */
function databaseCause(err: unknown): PgErrorFields | undefined {
  let e = err as (PgErrorFields & { cause?: unknown }) | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === "string") return e;
    if (Array.isArray(e.errors) && e.errors.length > 0) return databaseCause(e.errors[0]);
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * One line from a database error: PostgreSQL's own message, then its constraint, table, detail
 * and SQLSTATE — not only the failed SQL. Undefined when the error is not the database's.
 */
export function describeDatabaseError(err: unknown): string | undefined {
  const e = databaseCause(err);
  if (!e?.code || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const parts = [
    e.constraint && `constraint ${e.constraint}`,
    e.table && `table ${e.table}`,
    e.column && `column ${e.column}`,
    e.detail,
    e.hint,
    `SQLSTATE ${e.code}`,
  ].filter(Boolean);
  return `${e.message ?? "database error"} (${parts.join("; ")})`.replace(/\s*\n\s*/g, " ");
}

/** A clear line for a PostgreSQL server that cannot be used at all (unreachable, no database, refused). */
function connectionError(databaseUrl: string, err: unknown): Error {
  const { host, port, database } = describeUrl(databaseUrl);
  const e = databaseCause(err) ?? (err as PgErrorFields);
  const code = e?.code ?? "";
  const at = `${host}:${port}`;
  if (code === "3D000") {
    return new StartupError(
      `Database "${database}" does not exist on PostgreSQL at ${at}; create it first (createdb -h ${host} -p ${port} ${database}, or CREATE DATABASE "${database}"), or correct DATABASE_URL.`,
    );
  }
  if (code === "28P01" || code === "28000") {
    return new StartupError(
      `PostgreSQL at ${at} refused the login to database "${database}": ${e.message ?? code} (SQLSTATE ${code}); check the user and password in DATABASE_URL.`,
    );
  }
  const why: Record<string, string> = {
    ECONNREFUSED: "connection refused: is PostgreSQL running and listening there?",
    ENOTFOUND: "no such host",
    EAI_AGAIN: "the host name could not be resolved",
    ETIMEDOUT: "the connection timed out",
    EHOSTUNREACH: "host unreachable",
    ECONNRESET: "the connection was reset",
  };
  const described = describeDatabaseError(err);
  return new StartupError(
    `Cannot connect to PostgreSQL at ${at} (database "${database}"): ${
      why[code]
        ? `${code}, ${why[code]}`
        : (described ?? `${code ? `${code} ` : ""}${(err as Error)?.message ?? String(err)}`)
    }`,
  );
}

type Journal = { entries: { tag: string; when: number }[] };

/** Reads drizzle's journal; the migrations not yet applied are those newer than the last applied one. */
async function pendingFrom(db: Db, migrationsFolder: string): Promise<string[]> {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as Journal;
  const [{ exists } = { exists: false }] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  let last = 0;
  if (exists) {
    const [row] = await queryRows<{ last: string | null }>(
      db,
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    last = Number(row?.last ?? 0);
  }
  return journal.entries.filter((e) => e.when > last).map((e) => `${e.tag}.sql`);
}

/** Runs drizzle's migrator; a failure names the migration file it came from and the database's message. */
async function runMigrations(db: Db, migrationsFolder: string, run: () => Promise<void>): Promise<void> {
  const pending = await pendingFrom(db, migrationsFolder);
  try {
    await run();
  } catch (err) {
    const query = ((err as { query?: string }).query ?? "").trim();
    const file =
      pending.find((f) => query && fs.readFileSync(path.join(migrationsFolder, f), "utf8").includes(query)) ??
      (pending.length === 1 ? pending[0] : undefined);
    const message = describeDatabaseError(err) ?? (err as Error).message;
    const where = file
      ? `Migration ${file} failed`
      : `Applying the migrations failed${query ? ` at "${query.replace(/\s+/g, " ").slice(0, 80)}"` : ""}`;
    throw new StartupError(
      `${where}: ${message}. No migration of this run was applied; fix the cause and run the migrations again.`,
    );
  }
}

/**
 * PostgreSQL when a URL is given, else PGlite in `dataDir/pglite` (in memory when dataDir is
 * undefined). A PGlite folder is locked for this process until close (data-folder.ts). Nothing is
 * migrated here: call migrate() (or check pendingMigrations() for a read-only command).
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const migrationsFolder = opts.migrationsFolder ?? defaultMigrationsFolder;
  if (opts.databaseUrl) {
    const databaseUrl = opts.databaseUrl;
    // JIT compilation costs 200–350 ms on the scoped search queries and buys nothing here
    // (measured in bench/README.md), so it is off for this application's connections.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c jit=off" });
    // An idle connection closed by the server (restart, failover, terminate) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on("error", (err) => {
      process.stderr.write(
        `database: idle connection closed (${(err as { code?: string }).code ?? err.message})\n`,
      );
    });
    try {
      (await pool.connect()).release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw connectionError(databaseUrl, err);
    }
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      pool,
      migrate: () =>
        runMigrations(db, migrationsFolder, () =>
          migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
        ),
      pendingMigrations: () => pendingFrom(db, migrationsFolder),
      exclusive: async (fn, onWait) => {
        const client = await pool.connect();
        try {
          const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [
            STARTUP_LOCK_KEY,
          ]);
          if (!rows[0]?.ok) {
            onWait?.();
            await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
          }
          try {
            return await fn();
          } finally {
            await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
          }
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let dir: string | undefined;
  let release = () => undefined as void;
  if (opts.dataDir) {
    prepareDataFolder(opts.dataDir);
    release = acquireFolderLock(opts.dataDir, opts.owner ?? { command: "open" });
    dir = path.join(opts.dataDir, "pglite");
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      release();
      throw new StartupError(
        `Data folder ${opts.dataDir} is not writable (${(e as NodeJS.ErrnoException).code}): cannot create ${dir}.`,
      );
    }
  }
  let client: PGlite;
  try {
    client = dir
      ? await PGlite.create({ fs: new OwnerOnlyNodeFS(dir), extensions: { pg_trgm } })
      : await PGlite.create("memory://", { extensions: { pg_trgm } });
  } catch (e) {
    release();
    throw new StartupError(
      `The embedded database in ${dir ?? "memory"} could not be opened (${(e as Error).message}); ` +
        `check that the folder and every file in it are readable and writable by user ${os.userInfo().username}, that the disk is neither full nor read-only, and that it holds an intact database (else restore a backup: npm run cli -- restore <file>).`,
    );
  }
  const d = drizzlePglite(client, { schema });
  const db = d as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite: client,
    migrate: () => runMigrations(db, migrationsFolder, () => migratePglite(d, { migrationsFolder })),
    pendingMigrations: () => pendingFrom(db, migrationsFolder),
    exclusive: (fn) => fn(),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

type EmscriptenNodeFs = {
  node_ops: {
    setattr: (node: unknown, attr: { mode?: number }) => void;
    mknod: (parent: unknown, name: string, mode: number, dev: number) => unknown;
  };
  stream_ops: { setattr: (stream: unknown, attr: { mode?: number }) => void };
};

/**
 * PGlite's files, owner-only whatever the umask: Emscripten's file system creates folders 0755
 * and chmods files to 0666 (it has no umask of its own for files). This one masks every mode it
 * creates or sets with go-rwx, so that new data files are 0600 and folders 0700.
 */
class OwnerOnlyNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, opts);
    const preRun = [...(result.emscriptenOpts.preRun ?? [])];
    preRun.push((mod: unknown) => {
      const nodefs = (mod as { NODEFS?: EmscriptenNodeFs }).NODEFS;
      if (!nodefs) return;
      const mknod = nodefs.node_ops.mknod.bind(nodefs.node_ops);
      nodefs.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~0o077, dev);
      for (const ops of [nodefs.node_ops, nodefs.stream_ops]) {
        const setattr: (target: unknown, attr: { mode?: number }) => void = ops.setattr.bind(ops);
        ops.setattr = (target, attr) =>
          setattr(target, attr.mode === undefined ? attr : { ...attr, mode: attr.mode & ~0o077 });
      }
    });
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } };
  }
}

/** pg_advisory_lock key of the start-up work (migrations, unit import, demo seed): "toandan1". */
const STARTUP_LOCK_KEY = "8390031757572927025";

/** Runs raw SQL and returns its rows on either engine. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}
