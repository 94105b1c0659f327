import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupKeys, openKeyBackup, readPassphrase, restoreKeys } from "./key-backup";

// No database: the key files of a folder, sealed with a passphrase and written back.
let dir: string;
const PASSPHRASE = "một câu dài đủ mạnh 2026";
const KEYS = ["master.key", "case-index.key", "receipt-verifier.key", "audit-checkpoint.key"];
/** The default cost is checked once (first test); the others read a file sealed at a lower cost. */
const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };
let fast: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-keys-"));
  fs.mkdirSync(path.join(dir, "keys"), { mode: 0o700 });
  for (const k of KEYS) {
    fs.writeFileSync(path.join(dir, "keys", k), `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  }
  fs.writeFileSync(path.join(dir, "keys", "notes.txt"), "not a key");
  fast = path.join(dir, "fast.backup");
  await backupKeys(path.join(dir, "keys"), fast, PASSPHRASE, { kdf: FAST_KDF });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("key backup", () => {
  it("writes every *.key sealed (0600, no key in clear), restores them byte for byte into a fresh folder", async () => {
    const file = path.join(dir, "keys.backup");
    const names = await backupKeys(path.join(dir, "keys"), file, PASSPHRASE);
    expect(names).toEqual([...KEYS].sort());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    for (const k of KEYS) {
      const key = fs.readFileSync(path.join(dir, "keys", k), "utf8").trim();
      expect(text).not.toContain(key);
      expect(text).not.toContain(Buffer.from(key, "base64").toString("hex"));
    }
    expect(JSON.parse(text)).toMatchObject({
      kdf: { name: "scrypt", N: 131072, r: 8, p: 1 },
      cipher: "aes-256-gcm",
    });

    const fresh = path.join(dir, "fresh", "keys");
    const restored = await restoreKeys(fresh, file, PASSPHRASE);
    expect(restored.map((r) => r.status)).toEqual(KEYS.map(() => "written"));
    for (const k of KEYS) {
      expect(fs.readFileSync(path.join(fresh, k))).toEqual(fs.readFileSync(path.join(dir, "keys", k)));
      expect(fs.statSync(path.join(fresh, k)).mode & 0o777).toBe(0o600);
    }
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(path.join(fresh, "notes.txt"))).toBe(false);
    // Again: nothing to do.
    expect((await restoreKeys(fresh, file, PASSPHRASE)).map((r) => r.status)).toEqual(
      KEYS.map(() => "unchanged"),
    );
  });

  it("refuses a wrong passphrase and an altered file with a clear message, writing nothing", async () => {
    const file = fast;
    const empty = path.join(dir, "empty", "keys");
    await expect(restoreKeys(empty, file, "not the passphrase")).rejects.toThrow(
      "Wrong passphrase, or the key backup was altered: nothing was restored.",
    );
    expect(fs.existsSync(empty)).toBe(false);
    const altered = JSON.parse(fs.readFileSync(file, "utf8")) as { createdAt: string };
    altered.createdAt = "2020-01-01T00:00:00.000Z";
    const alteredFile = path.join(dir, "altered.backup");
    fs.writeFileSync(alteredFile, JSON.stringify(altered));
    await expect(openKeyBackup(alteredFile, PASSPHRASE)).rejects.toThrow(
      /Wrong passphrase, or the key backup was altered/,
    );
  });

  it("refuses to replace a different key unless forced, and keeps the old one renamed", async () => {
    const file = fast;
    const other = path.join(dir, "other", "keys");
    fs.mkdirSync(other, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(other, "master.key"), "another key\n", { mode: 0o600 });
    await expect(restoreKeys(other, file, PASSPHRASE)).rejects.toThrow(
      /already holds different master\.key: nothing was restored/,
    );
    expect(fs.readdirSync(other)).toEqual(["master.key"]);
    const forced = await restoreKeys(other, file, PASSPHRASE, { force: true });
    expect(forced.find((r) => r.name === "master.key")?.status).toBe("replaced");
    expect(fs.readdirSync(other).some((n) => n.startsWith("master.key.replaced-"))).toBe(true);
  });

  it("takes the passphrase from BACKUP_PASSPHRASE; without it and without a terminal, says how to give one", async () => {
    const saved = process.env.BACKUP_PASSPHRASE;
    try {
      process.env.BACKUP_PASSPHRASE = PASSPHRASE;
      await expect(readPassphrase(true)).resolves.toBe(PASSPHRASE);
      delete process.env.BACKUP_PASSPHRASE;
      expect(process.stdin.isTTY).toBeFalsy();
      await expect(readPassphrase(false)).rejects.toThrow(
        "Set BACKUP_PASSPHRASE, or run the command in a terminal to type the passphrase.",
      );
    } finally {
      if (saved === undefined) delete process.env.BACKUP_PASSPHRASE;
      else process.env.BACKUP_PASSPHRASE = saved;
    }
  });

  it("refuses a short passphrase, an existing file, an empty folder", async () => {
    await expect(backupKeys(path.join(dir, "keys"), path.join(dir, "short.backup"), "short")).rejects.toThrow(
      "The passphrase must have at least 12 characters.",
    );
    await expect(
      backupKeys(path.join(dir, "keys"), path.join(dir, "keys.backup"), PASSPHRASE),
    ).rejects.toThrow(/already exists/);
    await expect(
      backupKeys(path.join(dir, "none"), path.join(dir, "none.backup"), PASSPHRASE),
    ).rejects.toThrow(/No key files/);
  });
});
