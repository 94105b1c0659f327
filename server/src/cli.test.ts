import { spawnSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "./db/client";
import { DEMO_ACCOUNTS } from "./modules/demo";
import { copyTemplate, type DatabaseCopy } from "./test/template";

// The CLI as an operator runs it, on a database of its own: a copy of the run's migrated, imported
// template (an embedded database in a temporary folder, or a PostgreSQL database cloned from the
// template when DATABASE_URL is set). Each run of the CLI costs a process start and the loading of
// the whole server (3–4 s of CPU), so the tests have a generous timeout.
const root = path.resolve(import.meta.dirname, "../..");
const TIMEOUT = 180_000;
let db: DatabaseCopy;

function cli(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/src/main.ts", ...args], {
    cwd: root,
    env: {
      ...base,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
      DATA_DIR: db.dataDir,
      LOG_LEVEL: "silent",
      ...env,
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Runs one statement on the CLI's database from this process (the CLI is not running). */
async function execute(statement: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await database.db.execute(sql.raw(statement));
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  db = await copyTemplate({ template: inject("databaseTemplate"), baseUrl: process.env.DATABASE_URL });
});
afterAll(() => db?.remove());

describe("cli", () => {
  it(
    "seeds the demo, then refuses a production start while demo accounts exist",
    () => {
      const seeded = cli(["seed-demo"]);
      expect(seeded.code).toBe(0);
      expect(seeded.out).toContain("Demo accounts (password demo12345): admin,");
      const prod = cli(["start"], { NODE_ENV: "production", PORT: "39999" });
      expect(prod.code).toBe(1);
      expect(prod.out).toContain(
        `Refusing to start in production: ${DEMO_ACCOUNTS.length} demo account(s) exist`,
      );
    },
    TIMEOUT,
  );

  it(
    "stops on bad configuration with a clear message",
    () => {
      const r = cli(["migrate"], { PORT: "banana" });
      expect(r.code).toBe(1);
      expect(r.out).toContain("PORT: PORT must be a number between 1 and 65535");
    },
    TIMEOUT,
  );

  it(
    "verify-audit passes on an intact chain and names the first tampered row",
    async () => {
      const ok = cli(["verify-audit"]);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/Audit chain intact: \d+ rows checked\./);
      expect(cli(["sql", "update audit_log set data = '{}' where id = 2"]).code).toBe(1);
      await execute("alter table audit_log disable trigger audit_log_append_only");
      expect(cli(["sql", "update audit_log set data = '{\"x\": 1}' where id = 2"]).code).toBe(0);
      const bad = cli(["verify-audit"]);
      expect(bad.code).toBe(2);
      expect(bad.out).toContain("Audit chain BROKEN at row id 2: row content does not match its hash");
    },
    TIMEOUT,
  );
});
