import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, queryRows } from "./db/client";
import { DEMO_ACCOUNTS } from "./modules/demo";
import { runCliInProcess, spawnCli as spawnProgram } from "./test/cli";
import { freePort } from "./test/net";
import { copyTemplate, type DatabaseCopy } from "./test/template";

// The CLI as an operator runs it, on a database of its own: a copy of the run's migrated, imported
// template (an embedded database in a temporary folder, or a PostgreSQL database cloned from the
// template when DATABASE_URL is set). Most commands run in this process (runCommand, main.ts'
// own entry, with the environment and console of the command): a process of their own costs a
// start and the loading of the whole server (3–4 s of CPU) each. The checks that need a process
// of their own (another user, this process's pid, the exit code and output of the program) spawn
// `main.ts` as an operator does.
const TIMEOUT = 180_000;
let db: DatabaseCopy;

/** The command's environment: this process's, without DATABASE_URL, plus the test database's. */
function commandEnv(env: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return {
    ...base,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    DATA_DIR: db.dataDir,
    LOG_LEVEL: "silent",
    ...env,
  };
}

/** Runs main.ts in a process of its own. */
const spawnCli = (args: string[], env: Record<string, string> = {}, opts: { uid?: number } = {}) =>
  spawnProgram(args, commandEnv(env), opts);

/** Runs the command in this process, with its environment; its console output is collected. */
const cli = (args: string[], env: Record<string, string> = {}) => runCliInProcess(args, commandEnv(env));

/** Runs one statement on the CLI's database from this process (the CLI is not running). */
async function execute(statement: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await database.db.execute(sql.raw(statement));
  } finally {
    await database.close();
  }
}

const folders: string[] = [];
/** An empty data folder of the test's own (0700, like mkdtemp makes it). */
const emptyFolder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-cli-"));
  folders.push(d);
  return d;
};
afterAll(() => folders.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

beforeAll(async () => {
  db = await copyTemplate({ template: inject("databaseTemplate"), baseUrl: process.env.DATABASE_URL });
});
afterAll(() => db?.remove());

describe("cli", () => {
  it(
    "seeds the demo, then refuses a production start while demo accounts exist",
    async () => {
      const seeded = await cli(["seed-demo"]);
      expect(seeded.code, seeded.out).toBe(0);
      expect(seeded.out).toContain("Demo accounts (password demo12345): admin,");
      // A port free now: `start` checks its port before anything else, and a fixed one can be held
      // by another program (or another test's client socket) on a busy machine.
      const prod = await cli(["start"], { NODE_ENV: "production", PORT: String(await freePort()) });
      expect(prod.code, prod.out).toBe(1);
      expect(prod.out).toContain(
        `Refusing to start in production: ${DEMO_ACCOUNTS.length} demo account(s) exist`,
      );
    },
    TIMEOUT,
  );

  it(
    "stops on bad configuration with a clear message",
    () => {
      const r = spawnCli(["migrate"], { PORT: "banana" });
      expect(r.code).toBe(1);
      expect(r.out).toContain("PORT: PORT must be a number between 1 and 65535");
    },
    TIMEOUT,
  );

  it(
    "verify-audit passes on an intact chain and names the first tampered row",
    async () => {
      const ok = await cli(["verify-audit"]);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/Audit chain intact: \d+ rows checked\./);
      expect((await cli(["sql", "update audit_log set data = '{}' where id = 2"])).code).toBe(1);
      await execute("alter table audit_log disable trigger audit_log_append_only");
      expect((await cli(["sql", "update audit_log set data = '{\"x\": 1}' where id = 2"])).code).toBe(0);
      const bad = await cli(["verify-audit"]);
      expect(bad.code).toBe(2);
      expect(bad.out).toContain("Audit chain BROKEN at row id 2: row content does not match its hash");
    },
    TIMEOUT,
  );

  it(
    "rebuild-rollups recounts the figures from the records: a corrupted rollup and stray pending changes are repaired",
    async () => {
      // The figures every dashboard reads (rollups + pending changes), maintained by the triggers
      // and the folder as the demo was written: the rebuild's set-based recount must agree.
      const figures = async () => {
        const database = await openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
        try {
          const [r] = await queryRows<{ months: string | null; years: string | null; n: number }>(
            database.db,
            sql`select
              (select string_agg(concat_ws('|', unit_path, month, dim, a, b, c), ';' order by unit_path, month, dim)
                from (select unit_path, month, dim, sum(activities) as a, sum(attendees) as b,
                  sum(broadcast_hours) as c from activity_rollups_live group by 1, 2, 3) m
                where a <> 0) as months,
              (select string_agg(concat_ws('|', unit_path, year, a, b), ';' order by unit_path, year)
                from (select unit_path, year, sum(activities) as a, sum(households) as b
                  from activity_year_rollups_live group by 1, 2) y
                where a <> 0) as years,
              (select count(*)::int from activities) as n`,
          );
          return r!;
        } finally {
          await database.close();
        }
      };
      const before = await figures();
      expect(before.n).toBeGreaterThan(0); // the demo's activities
      expect(before.months).toMatch(/\|kind:meeting\|/);
      await execute(`update activity_rollups set activities = activities + 7, attendees = attendees + 70
        where (unit_path, month, dim) = (select unit_path, month, dim from activity_rollups order by unit_path, month, dim limit 1)`);
      await execute(`insert into activity_rollup_pending (sign, rollup_path, date, kind, organizer_kinds,
          topics, attendees, households, students, leaflets, panels, slogans, broadcast_items, broadcast_hours)
        select 1, rollup_path, date, kind, organizer_kinds, topics, attendees, households, students,
          leaflets, panels, slogans, broadcast_items, broadcast_hours from activities limit 3`);
      expect((await figures()).months).not.toBe(before.months);

      const r = await cli(["rebuild-rollups"]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(
        new RegExp(
          `Rollups rebuilt from ${before.n.toLocaleString("en-US")} activities in [\\d.]+ s: [\\d,]+ rollup rows; [\\d,]+ pending changes dropped`,
        ),
      );
      const after = await figures();
      expect(after).toEqual(before);
    },
    TIMEOUT,
  );
});

// Each failure an operator meets at start: one line naming the cause and the fix, exit code 1,
// no stack trace, and nothing done before it.
describe("start failures", () => {
  const oneLine = (out: string) => expect(out).not.toMatch(/^\s+at /m);

  it(
    "a PostgreSQL server that is not there: host, port and ECONNREFUSED, never the password",
    async () => {
      const port = await freePort();
      const r = await cli(["migrate"], {
        DATABASE_URL: `postgres://toandan:secret@127.0.0.1:${port}/toandan`,
      });
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        `Cannot connect to PostgreSQL at 127.0.0.1:${port} (database "toandan"): ECONNREFUSED, connection refused`,
      );
      expect(r.out).not.toContain("Failed query");
      expect(r.out).not.toContain("secret");
      oneLine(r.out);
    },
    TIMEOUT,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "a database that does not exist: named, with how to create it",
    async () => {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = "/toandan_no_such_database";
      const r = await cli(["migrate"], { DATABASE_URL: url.toString() });
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        `Database "toandan_no_such_database" does not exist on PostgreSQL at ${url.hostname}:${url.port || "5432"}; create it first (createdb`,
      );
      oneLine(r.out);
    },
    TIMEOUT,
  );

  it(
    "a port in use: refused before the database is opened",
    async () => {
      const server = net.createServer();
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const port = (server.address() as net.AddressInfo).port;
      try {
        const r = await cli(["start"], { PORT: String(port), HOST: "127.0.0.1" });
        expect(r.code).toBe(1);
        expect(r.out).toContain(`Port ${port} on 127.0.0.1 is already in use (EADDRINUSE)`);
        expect(r.out).not.toContain("Opening");
        oneLine(r.out);
      } finally {
        await new Promise((r) => server.close(r));
      }
    },
    TIMEOUT,
  );

  it(
    "a data folder others can write, or one this user cannot write",
    () => {
      const d = emptyFolder();
      fs.chmodSync(d, 0o777);
      const open = spawnCli(["migrate"], { DATABASE_URL: "", DATA_DIR: d });
      expect(open.code).toBe(1);
      expect(open.out).toContain(
        `Data folder ${d} is writable by other users (mode 777); run: chmod -R go-rwx ${d}`,
      );
      expect(fs.existsSync(path.join(d, "pglite"))).toBe(false);
      // root writes anywhere: then the folder stays root's and the CLI runs as nobody.
      const asRoot = process.getuid?.() === 0;
      fs.chmodSync(d, asRoot ? 0o755 : 0o500);
      const closed = spawnCli(["migrate"], { DATABASE_URL: "", DATA_DIR: d }, asRoot ? { uid: 65534 } : {});
      fs.chmodSync(d, 0o700);
      expect(closed.code).toBe(1);
      expect(closed.out).toContain(`Data folder ${d} is not writable (EACCES); give user `);
      oneLine(closed.out);
    },
    TIMEOUT,
  );

  it(
    "a folder held by a live process stops at once; a dead owner's lock is taken over",
    () => {
      const d = emptyFolder();
      const lock = path.join(d, "pglite.lock");
      const startedAt = "2026-12-04T08:00:00.000Z";
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, command: "start", startedAt }));
      const busy = spawnCli(["migrate"], { DATABASE_URL: "", DATA_DIR: d });
      expect(busy.code).toBe(1);
      expect(busy.out).toContain(
        `Data folder ${d} is used by process ${process.pid} (a server, started ${startedAt}); stop it first.`,
      );
      expect(fs.existsSync(path.join(d, "pglite"))).toBe(false);

      // A dead owner's lock is taken over; then the open stops at once on a "pglite" that is a
      // file (no database is created, which would take seconds), and the lock is released.
      const dead = spawnSync("true").pid;
      fs.writeFileSync(lock, JSON.stringify({ pid: dead, command: "start", startedAt }));
      fs.writeFileSync(path.join(d, "pglite"), "");
      const r = spawnCli(["migrate"], { DATABASE_URL: "", DATA_DIR: d });
      expect(r.out).toContain(
        `Taking over the lock of process ${dead} (started ${startedAt}), which is no longer running.`,
      );
      expect(r.code).toBe(1);
      expect(r.out).toContain(
        `Data folder ${d} is not writable (EEXIST): cannot create ${path.join(d, "pglite")}.`,
      );
      expect(fs.existsSync(lock)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "verify-audit applies no migration: it refuses a database that lacks one",
    async () => {
      const last = "(select max(created_at) from drizzle.__drizzle_migrations)";
      const database = await openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
      const [row] = await queryRows<{ hash: string; created_at: string }>(
        database.db,
        sql.raw(`select hash, created_at::text from drizzle.__drizzle_migrations where created_at = ${last}`),
      ).finally(() => database.close());
      await execute(`delete from drizzle.__drizzle_migrations where created_at = ${last}`);
      try {
        const r = await cli(["verify-audit"]);
        expect(r.code).toBe(1);
        expect(r.out).toMatch(
          /The database lacks 1 migration\(s\) \(first: \d{4}_\w+\.sql\); "verify-audit" changes nothing: apply them with npm run cli -- migrate/,
        );
      } finally {
        await execute(
          `insert into drizzle.__drizzle_migrations (hash, created_at) values ('${row!.hash}', ${row!.created_at})`,
        );
      }
    },
    TIMEOUT,
  );

  it(
    "a key file missing or different: named, with the restore command, and no new key written",
    async () => {
      // The first test seeded the demo: the database holds sealed data and the keys' fingerprints.
      const master = path.join(db.dataDir, "keys", "master.key");
      const saved = fs.readFileSync(master);
      fs.rmSync(master);
      try {
        const missing = await cli(["start"], { PORT: String(await freePort()) });
        expect(missing.code).toBe(1);
        expect(missing.out).toContain(
          `Key file ${master} is missing, but this database holds data sealed with it`,
        );
        expect(missing.out).toContain("npm run cli -- restore-keys <file>");
        expect(fs.existsSync(master)).toBe(false);
        oneLine(missing.out);
        fs.writeFileSync(master, `${Buffer.alloc(32, 7).toString("base64")}\n`, { mode: 0o600 });
        const other = await cli(["seed-demo"]);
        expect(other.code).toBe(1);
        expect(other.out).toContain(`Key file ${master} is not the key this database was sealed with`);
      } finally {
        fs.writeFileSync(master, saved, { mode: 0o600 });
      }
    },
    TIMEOUT,
  );
});
