import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { todayInVietnam } from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database, type Db } from "../db/client";
import { verifyAuditChain } from "../kernel/audit-verify";
import { foldActivityRollups } from "../modules/activities";
import { seedDemo } from "../modules/demo";
import { computeIndicators, listIndicators } from "../modules/indicators";
import { rootUnit, unitByCode } from "../test/factories";
import { login } from "../test/harness";
import { copyTemplate, type DatabaseCopy } from "../test/template";
import { backupDatabase, restoreDatabase } from "./backup";
import { openBackup } from "./backup-file";
import { startControlChannel, type ControlChannel } from "./control";
import { restorePostgres } from "./postgres-dump";
import { backupKeys, restoreKeys } from "./key-backup";
import { collectManifest, drizzleRunner } from "./manifest";

// The restore drill: a database with the demo data, open in a running app, is backed up (on PGlite
// the app's control channel takes the snapshot), restored into a fresh folder or an empty
// PostgreSQL database, and the copy must answer every indicator and every row count as the
// original does, with an intact audit chain.
const DEMO_UNITS = { province: "96", ward: "31825" } as const;
const PASSPHRASE = "drill passphrase 2026";
/** The default scrypt cost is measured in key-backup.test.ts; the drill needs no second measure. */
const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };
// Measured on the 2-core development machine while others' tests ran: 23 s at load average 9,
// 43 s at load average 20 (most of it copying and loading the 227 MB folder of the country's units).

let source: DatabaseCopy;
let target: DatabaseCopy;
let database: Database;
let app: FastifyInstance;
let control: ControlChannel;
let scratch: string;
const lines: string[] = [];
const say = (m: string) => lines.push(m);

beforeAll(async () => {
  source = await copyTemplate({ template: inject("databaseTemplate"), baseUrl: process.env.DATABASE_URL });
  target = await copyTemplate({ baseUrl: process.env.DATABASE_URL });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-backup-"));
  database = await openDatabase({ databaseUrl: source.databaseUrl, dataDir: source.dataDir });
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: source.dataDir,
    LOG_LEVEL: "silent",
    WEB_DIST: "/nonexistent",
    ...(source.databaseUrl ? { DATABASE_URL: source.databaseUrl } : {}),
  });
  await seedDemo(database.db, { masterKeyFile: config.masterKeyFile });
  app = await buildApp({ database, config, logger: false });
  await app.ready();
  control = await startControlChannel({ dataDir: source.dataDir, pglite: database.pglite });
});

afterAll(async () => {
  if (process.env.BACKUP_DRILL_VERBOSE) console.log(lines.join("\n"));
  await control?.close();
  await app?.close();
  await database?.close();
  await source?.remove();
  await target?.remove();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function allSealed(db: Db): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [r] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where seq is null`,
    );
    if (r?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("audit rows still unsealed after 10 s");
}

/** Every indicator of the registry for the country, the demo province and the demo ward, this year. */
async function everyIndicator(db: Db) {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const codes = listIndicators().map((i) => i.code);
  const units = [
    await rootUnit(db),
    await unitByCode(db, "province", DEMO_UNITS.province),
    await unitByCode(db, "commune", DEMO_UNITS.ward),
  ];
  const out: Record<string, Record<string, number | null>> = {};
  for (const u of units) {
    for (const [from, to] of [
      [`${year}-01-01`, today],
      [`${year - 13}-01-01`, today],
    ] as const) {
      out[`${u.name} ${from}`] = await computeIndicators(db, codes, {
        rollupPathPrefix: u.rollupPath,
        year,
        from,
        to,
        asOf: today,
      });
    }
  }
  return out;
}

describe("backup and restore drill", () => {
  it("backs up a live database, restores it into an empty one: every indicator, row count and the audit chain hold", async () => {
    // Activity while the server runs: a sign-in writes a session and an audit row, which the
    // sequencer seals a moment later; the original is then left alone to compare with the copy.
    await login(app, "admin", "demo12345");
    await allSealed(database.db);
    // The activity changes still pending are folded first, as the running server's folder would:
    // the restored copy has no folder running, and the row counts compare both databases.
    for (;;) {
      await foldActivityRollups(database.db);
      const [left] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from activity_rollup_pending`,
      );
      if (left!.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const file = path.join(scratch, "drill.backup");
    const manifest = await backupDatabase(
      { databaseUrl: source.databaseUrl, dataDir: source.dataDir },
      file,
      say,
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join("\n")).toContain(
      source.databaseUrl ? "pg_dump" : `snapshot taken by the running server (pid ${process.pid})`,
    );
    expect(openBackup(file).manifest.payload.sha256).toBe(manifest.payload.sha256);
    expect(manifest.tables.tips).toBeGreaterThan(0);
    const [head] = await queryRows<{ id: number }>(
      database.db,
      sql`select id::int as id from audit_log where seq is not null order by seq desc limit 1`,
    );
    expect(manifest.auditHead?.id).toBe(head!.id);
    // The keys are never in the database backup.
    const keyBytes = fs.readFileSync(path.join(source.dataDir, "keys", "master.key"));
    expect(fs.readFileSync(file).includes(keyBytes)).toBe(false);

    // The keys travel apart: backup-keys from the source, restore-keys into the fresh folder.
    const keysFile = path.join(scratch, "drill.keys");
    const names = await backupKeys(path.join(source.dataDir, "keys"), keysFile, PASSPHRASE, {
      kdf: FAST_KDF,
    });
    expect(names).toEqual(expect.arrayContaining(["master.key", "case-index.key", "receipt-verifier.key"]));
    await restoreKeys(path.join(target.dataDir, "keys"), keysFile, PASSPHRASE);

    const result = await restoreDatabase(
      { databaseUrl: target.databaseUrl, dataDir: target.dataDir },
      file,
      {},
      say,
    );
    expect(result.differences).toEqual([]);
    expect(result.audit).toMatchObject({ ok: true });

    const restored = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    try {
      const [before, after] = [await everyIndicator(database.db), await everyIndicator(restored.db)];
      expect(Object.values(before).some((v) => Object.values(v).some((n) => (n ?? 0) > 0))).toBe(true);
      expect(after).toEqual(before);
      const [a, b] = [
        await collectManifest(drizzleRunner(database.db), database.engine),
        await collectManifest(drizzleRunner(restored.db), restored.engine),
      ];
      expect(b.tables).toEqual(a.tables);
      expect(b.auditHead).toEqual(a.auditHead);
      const keyFile = path.join(target.dataDir, "keys", "audit-checkpoint.key");
      const audit = await verifyAuditChain(restored.db, {
        keyFile,
        maxUnsealedSeconds: Number.POSITIVE_INFINITY,
      });
      expect(audit).toMatchObject({ ok: true, checked: result.audit!.checked });
      expect(audit.checked).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }

    // A second restore onto the now non-empty target is refused without --force.
    await expect(
      restoreDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir }, file, {}, say),
    ).rejects.toThrow(source.databaseUrl ? /already holds \d+ tables/ : /already holds a database/);
  }, 180_000);

  it("refuses a damaged or truncated backup, one of the other engine, and says when pg_restore is missing", async () => {
    const file = path.join(scratch, "drill.backup");
    const bad = path.join(scratch, "bad.backup");
    const whole = fs.readFileSync(file);
    fs.writeFileSync(bad, whole.subarray(0, whole.length - 10));
    const empty = await copyTemplate({ baseUrl: process.env.DATABASE_URL });
    try {
      const to = { databaseUrl: empty.databaseUrl, dataDir: empty.dataDir };
      await expect(restoreDatabase(to, bad, {}, say)).rejects.toThrow(/is incomplete/);
      const flipped = Buffer.from(whole);
      flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0xff;
      fs.writeFileSync(bad, flipped);
      await expect(restoreDatabase(to, bad, {}, say)).rejects.toThrow(/does not match the checksum/);
      fs.writeFileSync(bad, "not a backup\n");
      await expect(restoreDatabase(to, bad, {}, say)).rejects.toThrow(/not a Toàn Dân database backup/);
      const other = {
        databaseUrl: empty.databaseUrl ? undefined : "postgres://nobody@127.0.0.1:1/none",
        dataDir: empty.dataDir,
      };
      await expect(restoreDatabase(other, file, {}, say)).rejects.toThrow(/Restore it on the same engine/);
      await expect(backupDatabase(to, file, say)).rejects.toThrow(/already exists/);
      // A live server's snapshot cut short (the server stopped while sending) writes no file.
      const fakeDir = path.join(scratch, "fake");
      fs.mkdirSync(fakeDir);
      const gz = zlib.gzipSync(Buffer.alloc(200_000, 7));
      const fake = net.createServer((c) =>
        c.once("data", (line) => {
          const op = (JSON.parse(line.toString()) as { op: string }).op;
          if (op === "ping") return c.end(`${JSON.stringify({ ok: true, pid: 1 })}\n`);
          const manifest = openBackup(file).manifest;
          c.write(`${JSON.stringify({ ok: true, pid: 1, manifest, tarBytes: 200_000 })}\n`);
          c.end(gz.subarray(0, gz.length >> 1));
        }),
      );
      await new Promise<void>((resolve) => fake.listen(path.join(fakeDir, "control.sock"), resolve));
      try {
        const cut = path.join(scratch, "cut.backup");
        await expect(backupDatabase({ databaseUrl: undefined, dataDir: fakeDir }, cut, say)).rejects.toThrow(
          "The server's snapshot arrived incomplete",
        );
        expect(fs.readdirSync(scratch).filter((n) => n.includes("cut.backup"))).toEqual([]);
      } finally {
        fake.close();
      }
      // Without Debian's client tools, the operator is told what to install.
      const searchPath = process.env.PATH;
      process.env.PATH = "/nonexistent";
      try {
        await expect(
          restorePostgres("postgres://nobody@127.0.0.1:1/none", Readable.from([]), { clean: false }),
        ).rejects.toThrow(
          "pg_restore was not found: install Debian's PostgreSQL client tools (apt-get install postgresql-client)",
        );
      } finally {
        process.env.PATH = searchPath;
      }
    } finally {
      await empty.remove();
    }
  });
});
