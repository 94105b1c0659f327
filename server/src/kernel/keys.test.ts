import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { queryRows } from "../db/client";
import { openTestDatabase, type TestDatabase } from "../test/template";
import { Envelope } from "./envelope";
import { ensureKeyFiles, holdsSealedData, KEY_FILES, keyFingerprint } from "./keys";

// The start-up key check on a real database (a copy of the migrated template: nothing sealed yet)
// and real key files in a temporary folder.
let t: TestDatabase;
let masterKeyFile: string;
const keyFile = (name: string) => path.join(path.dirname(masterKeyFile), name);

beforeAll(async () => {
  t = await openTestDatabase({ template: inject("databaseTemplate"), baseUrl: process.env.DATABASE_URL });
  masterKeyFile = path.join(t.dataDir, "keys", "master.key");
});
afterAll(() => t?.close());

const stored = () =>
  queryRows<{ name: string; fingerprint: string }>(
    t.database.db,
    sql`select name, fingerprint from key_fingerprints order by name`,
  );

describe("key files at start", () => {
  it("creates the keys of a database with nothing sealed and stores their fingerprints, never the keys", async () => {
    const checks = await ensureKeyFiles(t.database.db, masterKeyFile);
    expect(checks.map((c) => [c.name, c.status])).toEqual(KEY_FILES.map((k) => [k.name, "created"]));
    const rows = await stored();
    expect(rows).toHaveLength(KEY_FILES.length);
    for (const row of rows) {
      const key = Buffer.from(fs.readFileSync(keyFile(row.name), "utf8").trim(), "base64");
      expect(fs.statSync(keyFile(row.name)).mode & 0o777).toBe(0o600);
      expect(row.fingerprint).toBe(keyFingerprint(key));
      expect(row.fingerprint).not.toContain(key.toString("hex"));
    }
    const again = await ensureKeyFiles(t.database.db, masterKeyFile);
    expect(again.every((c) => c.status === "matched")).toBe(true);
  });

  it("refuses a missing key file, naming it and the restore command, and creates nothing", async () => {
    const original = fs.readFileSync(masterKeyFile);
    fs.rmSync(masterKeyFile);
    await expect(ensureKeyFiles(t.database.db, masterKeyFile)).rejects.toThrow(
      new RegExp(
        `^Key file ${masterKeyFile} is missing, but this database holds data sealed with it \\(fingerprint [0-9a-f]{12}…\\)\\. Restore it from your key backup with: npm run cli -- restore-keys <file>`,
      ),
    );
    expect(fs.existsSync(masterKeyFile)).toBe(false);
    fs.writeFileSync(masterKeyFile, original, { mode: 0o600 });
  });

  it("refuses a key file that is not the one the database was sealed with", async () => {
    const file = keyFile("receipt-verifier.key");
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    await expect(ensureKeyFiles(t.database.db, masterKeyFile)).rejects.toThrow(
      `Key file ${file} is not the key this database was sealed with`,
    );
    fs.writeFileSync(file, original, { mode: 0o600 });
    expect((await ensureKeyFiles(t.database.db, masterKeyFile)).every((c) => c.status === "matched")).toBe(
      true,
    );
  });

  it("on a database sealed before fingerprints existed: records a present key, refuses to replace a missing one", async () => {
    const key = Buffer.from(fs.readFileSync(masterKeyFile, "utf8").trim(), "base64");
    await t.database.db.execute(sql`delete from key_fingerprints`);
    await t.database.db.execute(sql`create table legacy_sealed (v bytea)`);
    expect(await holdsSealedData(t.database.db)).toBe(false);
    const sealed = new Envelope(key).seal("nội dung tin báo", "legacy:1:content");
    await t.database.db.execute(sql`insert into legacy_sealed values (${sealed})`);
    expect(await holdsSealedData(t.database.db)).toBe(true);

    const caseIndex = keyFile("case-index.key");
    const saved = fs.readFileSync(caseIndex);
    fs.rmSync(caseIndex);
    await expect(ensureKeyFiles(t.database.db, masterKeyFile)).rejects.toThrow(
      `Key file ${caseIndex} is missing, but this database already holds sealed data`,
    );
    expect(fs.existsSync(caseIndex)).toBe(false);
    fs.writeFileSync(caseIndex, saved, { mode: 0o600 });
    const checks = await ensureKeyFiles(t.database.db, masterKeyFile);
    // master.key was recorded by the refused call already; the others now.
    expect(checks.map((c) => c.status)).toEqual(
      KEY_FILES.map((k) => (k.name === "master.key" ? "matched" : "recorded")),
    );
    expect(await stored()).toHaveLength(KEY_FILES.length);
  });
});
