import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../db/client";
import { runCliInProcess, spawnCli } from "../test/cli";
import { copyTemplate, type DatabaseCopy } from "../test/template";
import { openBackup } from "./backup-file";
import { collectManifest, drizzleRunner } from "./manifest";

// The operations commands as an operator runs them, on a database no server holds (the drill in
// backup.test.ts covers a running server, the restore, the refusals and PostgreSQL): backup (in a
// process of its own), then backup-keys and restore-keys with a wrong passphrase (in this process,
// through main.ts' runCommand: a process start costs 3–4 s of CPU).
let db: DatabaseCopy;
let scratch: string;

function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, BACKUP_PASSPHRASE: _none, ...base } = process.env;
  return { ...base, LOG_LEVEL: "silent", ...env };
}
const cli = (args: string[], env: Record<string, string>) => runCliInProcess(args, commandEnv(env));

// The embedded engine only: on the PostgreSQL pass the drill exercises pg_dump/pg_restore.
const template = inject("databaseTemplate");
const embedded = template.engine === "pglite";

beforeAll(async () => {
  db = await copyTemplate({ template: embedded ? template : undefined });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-ops-cli-"));
  fs.mkdirSync(path.join(db.dataDir, "keys"), { mode: 0o700 });
  fs.writeFileSync(path.join(db.dataDir, "keys", "master.key"), `${"k".repeat(43)}=\n`, { mode: 0o600 });
});
afterAll(async () => {
  await db?.remove();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("operations commands", () => {
  it.skipIf(!embedded)(
    "backup of a folder no server holds; keys sealed apart, a wrong passphrase refused",
    async () => {
      const file = path.join(scratch, "db.backup");
      const backup = spawnCli(["backup", file], commandEnv({ DATA_DIR: db.dataDir }));
      expect(backup.out).toContain("no server running: snapshot of the folder");
      expect(backup.code).toBe(0);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // The header tells what the folder holds (the restore itself is the drill's, backup.test.ts).
      const database = await openDatabase({ dataDir: db.dataDir });
      try {
        const now = await collectManifest(drizzleRunner(database.db), "pglite");
        expect(openBackup(file).manifest).toMatchObject({ tables: now.tables, migrations: now.migrations });
      } finally {
        await database.close();
      }
      const keys = path.join(scratch, "keys.backup");
      const env = { DATA_DIR: db.dataDir, BACKUP_PASSPHRASE: "a long passphrase 2026" };
      const sealed = await cli(["backup-keys", keys], env);
      expect(sealed.code).toBe(0);
      expect(sealed.out).toContain("master.key");
      const fresh = path.join(scratch, "fresh");
      const wrong = await cli(["restore-keys", keys], {
        DATA_DIR: fresh,
        BACKUP_PASSPHRASE: "not the passphrase",
      });
      expect(wrong.code).toBe(1);
      expect(wrong.out).toContain("Wrong passphrase, or the key backup was altered: nothing was restored.");
      expect(fs.existsSync(path.join(fresh, "keys", "master.key"))).toBe(false);
    },
    240_000,
  );
});
