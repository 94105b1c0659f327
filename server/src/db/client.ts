import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or an open transaction: both run the same queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  /** Runs a migration pass (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** Bulk load through COPY where the engine supports it (used by imports). */
  pglite?: PGlite;
  pool?: pg.Pool;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DatabaseOptions = { databaseUrl?: string | undefined; dataDir?: string | undefined };

/** PostgreSQL when a URL is given, else PGlite in `dataDir/pglite` (in memory when dataDir is undefined). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT compilation costs 200–350 ms on the scoped search queries and buys nothing here
    // (measured in bench/README.md), so it is off for this application's connections.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: "-c jit=off" });
    // An idle connection closed by the server (restart, failover, terminate) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on("error", (err) => {
      process.stderr.write(
        `database: idle connection closed (${(err as { code?: string }).code ?? err.message})\n`,
      );
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      pool,
      migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir ?? "memory://", { extensions: { pg_trgm } });
  const d = drizzlePglite(client, { schema });
  return {
    db: d as unknown as Db,
    engine: "pglite",
    pglite: client,
    migrate: () => migratePglite(d, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows on either engine. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}
