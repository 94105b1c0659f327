import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { randomDatabaseName } from "../test/template";
import { openDatabase, queryRows } from "./client";

const roots: string[] = [];
const folder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-client-"));
  roots.push(d);
  return d;
};
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A migrations folder of its own: one good migration, then one that breaks a constraint. */
function brokenMigrations(): string {
  const dir = folder();
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "0000_ok.sql"), "CREATE TABLE probe_ok (a int);");
  fs.writeFileSync(
    path.join(dir, "0001_bad.sql"),
    "CREATE TABLE probe_bad (a int CONSTRAINT probe_bad_a_positive CHECK (a > 0));\n--> statement-breakpoint\nINSERT INTO probe_bad VALUES (-1);",
  );
  const entries = ["0000_ok", "0001_bad"].map((tag, idx) => ({
    idx,
    version: "7",
    when: 1000 + idx,
    tag,
    breakpoints: true,
  }));
  fs.writeFileSync(
    path.join(dir, "meta", "_journal.json"),
    JSON.stringify({ version: "7", dialect: "postgresql", entries }),
  );
  return dir;
}

const baseUrl = process.env.DATABASE_URL;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(baseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe("database client", () => {
  it("names the migration that failed with the database's own message and constraint", async () => {
    const migrationsFolder = brokenMigrations();
    const name = baseUrl ? randomDatabaseName("toandan_migfail") : undefined;
    if (name) await withAdmin((c) => c.query(`create database ${name}`));
    const database = await openDatabase({ databaseUrl: name && urlOf(name), migrationsFolder });
    try {
      expect(await database.pendingMigrations()).toEqual(["0000_ok.sql", "0001_bad.sql"]);
      const err = await database.migrate().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err?.message).toBe(
        'Migration 0001_bad.sql failed: new row for relation "probe_bad" violates check constraint "probe_bad_a_positive" ' +
          "(constraint probe_bad_a_positive; table probe_bad; Failing row contains (-1).; SQLSTATE 23514). " +
          "No migration of this run was applied; fix the cause and run the migrations again.",
      );
      expect(await database.pendingMigrations()).toEqual(["0000_ok.sql", "0001_bad.sql"]);
    } finally {
      await database.close();
      if (name) await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    }
  });

  it("gives a PGlite folder to one process: a second open stops at once", async () => {
    const d = folder();
    const first = await openDatabase({ dataDir: d, owner: { command: "start" } });
    try {
      await expect(openDatabase({ dataDir: d })).rejects.toThrow(
        `Data folder ${d} is already open in this process.`,
      );
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(d, "pglite.lock"))).toBe(false);
  });

  it("says which embedded database could not be opened, and what to check, in one line", async () => {
    const d = folder();
    fs.mkdirSync(path.join(d, "pglite"));
    fs.writeFileSync(path.join(d, "pglite", "PG_VERSION"), "99\n");
    await expect(openDatabase({ dataDir: d })).rejects.toThrow(
      `The embedded database in ${path.join(d, "pglite")} could not be opened (PGlite failed to initialize properly); check that the folder and every file in it are readable and writable by user ${os.userInfo().username}`,
    );
    expect(fs.existsSync(path.join(d, "pglite.lock"))).toBe(false);
  });

  it.skipIf(!baseUrl)(
    "PostgreSQL: two processes preparing one fresh database at once both succeed, and the migrations run once",
    async () => {
      const name = randomDatabaseName("toandan_race");
      await withAdmin((c) => c.query(`create database ${name}`));
      const [a, b] = await Promise.all([
        openDatabase({ databaseUrl: urlOf(name) }),
        openDatabase({ databaseUrl: urlOf(name) }),
      ]);
      try {
        let waited = 0;
        const prepare = (d: typeof a) =>
          d.exclusive(
            () => d.migrate(),
            () => waited++,
          );
        await Promise.all([prepare(a), prepare(b)]);
        expect(waited).toBe(1);
        const journal = JSON.parse(
          fs.readFileSync(path.join(import.meta.dirname, "migrations", "meta", "_journal.json"), "utf8"),
        ) as { entries: unknown[] };
        const [row] = await queryRows<{ n: number }>(
          a.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect(row?.n).toBe(journal.entries.length);
        expect(await b.pendingMigrations()).toEqual([]);
      } finally {
        await a.close();
        await b.close();
        await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
      }
    },
    120_000,
  );
});
