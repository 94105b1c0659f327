/**
 * `backup <file>` and `restore <file>` for both engines. The key files are never in these files
 * (see key-backup.ts): a database backup holds sealed fields as ciphertext only.
 *
 * - PGlite: when a server holds DATA_DIR it takes the snapshot itself, asked through its control
 *   channel (control.ts); when none does, the command opens the folder as is (no migration, no seed).
 *   A restore loads the snapshot into a fresh folder (PGlite's `loadDataDir`).
 * - PostgreSQL (DATABASE_URL): `pg_dump -Fc` / `pg_restore` into an empty database.
 *
 * Each restore then checks the restored copy against the header (row counts of every table,
 * migration level, audit head) and walks the audit chain.
 */
import fs from "node:fs";
import path from "node:path";
import { clockNow } from "@toandan/contracts";
import type { Config } from "../config";
import { openDatabase } from "../db/client";
import { folderOwner } from "../db/data-folder";
import { verifyAuditChain } from "../kernel/audit-verify";
import { readNewestFileCheckpoint } from "../kernel/audit-checkpoint";
import {
  assembleBackup,
  BackupFileError,
  openBackup,
  temporaryNextTo,
  verifyPayload,
  writeHashed,
  type BackupManifest,
} from "./backup-file";
import { probeServer, requestSnapshot } from "./control";
import {
  collectManifest,
  compareManifests,
  describeManifest,
  drizzleRunner,
  migrationIncompatibility,
  type DatabaseManifest,
} from "./manifest";
import { gzipTar, holdsDatabase, loadIntoFolder, pgliteFolder, snapshotFolder } from "./pglite-snapshot";
import { dumpPostgres, restorePostgres, userTableCount } from "./postgres-dump";

export type BackupTarget = Pick<Config, "databaseUrl" | "dataDir"> &
  Partial<Pick<Config, "masterKeyFile" | "auditCheckpointKeyFile" | "auditCheckpointFile">>;
type Say = (message: string) => void;

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Writes a backup of the configured database to `file` (mode 0600); refuses an existing file. */
export async function backupDatabase(
  target: BackupTarget,
  file: string,
  say: Say = console.log,
): Promise<BackupManifest> {
  const t0 = performance.now();
  if (fs.existsSync(file)) throw new BackupFileError(`${file} already exists: choose a new file name.`);
  const tmp = temporaryNextTo(file);
  try {
    let manifest: DatabaseManifest;
    let written: { bytes: number; sha256: string };
    let how: string;
    if (target.databaseUrl) {
      ({ manifest, ...written } = await dumpPostgres(target.databaseUrl, tmp.path));
      how = "pg_dump";
    } else {
      const live = await probeServer(target.dataDir);
      if (live) {
        const snap = await requestSnapshot(target.dataDir);
        manifest = snap.manifest;
        written = await writeHashed(snap.payload, tmp.path);
        checkGzipEnd(tmp.path, snap.tarBytes);
        how = `snapshot taken by the running server (pid ${live.pid})`;
      } else {
        const folder = pgliteFolder(target.dataDir);
        if (!holdsDatabase(folder)) throw new BackupFileError(`No embedded database in ${folder}.`);
        const snap = await snapshotFolder(target.dataDir);
        manifest = snap.manifest;
        written = await writeHashed(gzipTar(snap.tar), tmp.path);
        how = "no server running: snapshot of the folder";
      }
    }
    const full: BackupManifest = {
      ...manifest,
      createdAt: clockNow().toISOString(),
      payload: {
        kind: manifest.engine === "postgres" ? "pg_dump-custom" : "pglite-datadir-tar-gz",
        ...written,
      },
    };
    await assembleBackup(file, full, tmp.path);
    say(`Backup written to ${file} (${megabytes(fs.statSync(file).size)}, ${how}) in ${seconds(t0)}:`);
    say(describeManifest(full));
    say("The key files are not in it: keep them with `backup-keys`, stored apart from the database backups.");
    return full;
  } finally {
    tmp.discard();
  }
}

export type RestoreResult = {
  manifest: BackupManifest;
  differences: string[];
  /** The audit chain of the restored copy; null when not checked (its checkpoint key is not restored yet). */
  audit: { ok: boolean; checked: number; reason: string | null } | null;
};

/**
 * Restores `file` into the configured database, which must be empty (a fresh DATA_DIR on PGlite,
 * an empty database on PostgreSQL) unless `force`; then checks the restored copy.
 */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  opts: { force?: boolean } = {},
  say: Say = console.log,
): Promise<RestoreResult> {
  const t0 = performance.now();
  const backup = openBackup(file);
  const m = backup.manifest;
  const engine = target.databaseUrl ? "postgres" : "pglite";
  if (m.engine !== engine) {
    throw new BackupFileError(
      `${file} is a backup of the ${m.engine === "pglite" ? "embedded database (PGlite)" : "PostgreSQL database"}; ` +
        `this installation uses ${engine === "pglite" ? "the embedded database (no DATABASE_URL)" : "PostgreSQL (DATABASE_URL)"}. ` +
        "Restore it on the same engine.",
    );
  }
  const incompatible = migrationIncompatibility(m.migrations);
  if (incompatible) throw new BackupFileError(`Cannot restore ${file}: ${incompatible}.`);
  await verifyPayload(file, backup);
  say(`Restoring the backup of ${m.createdAt} (${m.engine}):`);
  say(describeManifest(m));

  if (target.databaseUrl) {
    const existing = await userTableCount(target.databaseUrl);
    if (existing > 0 && !opts.force) {
      throw new BackupFileError(
        `The target database already holds ${existing} tables: restore into an empty database (createdb), ` +
          "or pass --force to drop its objects and replace them with the backup's.",
      );
    }
    await restorePostgres(target.databaseUrl, backup.payload(), { clean: existing > 0 });
  } else {
    const folder = pgliteFolder(target.dataDir);
    // A running server answers on its socket; another command shows in the folder's lock file.
    const live = (await probeServer(target.dataDir)) ?? folderOwner(target.dataDir);
    if (live) {
      throw new BackupFileError(`Process ${live.pid} holds ${target.dataDir}: stop it before restoring.`);
    }
    if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
      if (!opts.force) {
        throw new BackupFileError(
          `${folder} already holds a database: restore into a fresh DATA_DIR, ` +
            "or pass --force to set the current folder aside (renamed, not deleted) and restore in its place.",
        );
      }
      const aside = `${folder}.before-restore-${clockNow().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(folder, aside);
      say(`  the previous database folder was moved to ${aside}`);
    }
    await loadIntoFolder(target.dataDir, backup.payload());
  }
  say(`  restored in ${seconds(t0)}; checking the restored copy…`);

  const keysDir = path.dirname(target.masterKeyFile ?? path.join(target.dataDir, "keys", "master.key"));
  const auditKey = target.auditCheckpointKeyFile ?? path.join(keysDir, "audit-checkpoint.key");
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  let result: RestoreResult;
  try {
    const actual = await collectManifest(drizzleRunner(database.db), engine);
    // Rows the backup caught before the sequencer sealed them are sealed at the next start: their
    // age is no fault here.
    const audit = fs.existsSync(auditKey)
      ? await verifyAuditChain(database.db, {
          keyFile: auditKey,
          maxUnsealedSeconds: Number.POSITIVE_INFINITY,
        })
      : null;
    result = {
      manifest: m,
      differences: compareManifests(m, actual),
      audit: audit && { ok: audit.ok, checked: audit.checked, reason: audit.reason },
    };
  } finally {
    await database.close();
  }
  if (result.differences.length > 0) {
    say(`The restored copy differs from the backup:\n  ${result.differences.join("\n  ")}`);
  } else {
    say(`  every table's row count and the audit head match the backup`);
  }
  if (!result.audit) {
    say(`  audit chain not checked: no ${auditKey}. Restore the keys (restore-keys), then run verify-audit.`);
  } else {
    say(
      result.audit.ok
        ? `  audit chain intact: ${result.audit.checked} rows checked`
        : `  audit chain BROKEN after ${result.audit.checked} rows: ${result.audit.reason}`,
    );
  }
  const lost = rowsAfterBackup(
    target.auditCheckpointFile ?? path.join(target.dataDir, "audit-checkpoints.log"),
    result.audit?.checked,
  );
  if (lost) say(lost);
  if (!fs.existsSync(target.masterKeyFile ?? path.join(keysDir, "master.key"))) {
    say(
      `The key files are not part of a database backup: run \`restore-keys <file>\` into ${keysDir} before starting the server.`,
    );
  }
  const ok = result.differences.length === 0 && result.audit?.ok !== false;
  say(ok ? `Restore complete in ${seconds(t0)}.` : "Restore FAILED its checks.");
  return result;
}

/**
 * The checkpoint file outside the database still records the chain written after the backup (a
 * PostgreSQL restore, or --force on the same DATA_DIR): say so, since verify-audit will report
 * those rows as deleted — which they are.
 */
function rowsAfterBackup(checkpointFile: string, restored: number | undefined): string | null {
  if (restored === undefined || !fs.existsSync(checkpointFile)) return null;
  let newest: { treeSize: number; signedAt: string } | null;
  try {
    newest = readNewestFileCheckpoint(checkpointFile);
  } catch {
    return null;
  }
  if (!newest || newest.treeSize <= restored) return null;
  return (
    `Note: ${checkpointFile} records ${newest.treeSize} sealed audit rows (signed ${newest.signedAt}); ` +
    `the backup holds ${restored}. The ${newest.treeSize - restored} rows written after the backup are lost, ` +
    "and verify-audit reports them as deleted until that file is moved aside (keep it: it records the loss)."
  );
}

/**
 * A gzip stream ends with the uncompressed size (mod 2^32): a snapshot cut short (the server
 * stopped while sending) does not end with the size the server announced.
 */
function checkGzipEnd(file: string, tarBytes: number): void {
  const size = fs.statSync(file).size;
  const tail = Buffer.alloc(4);
  const fd = fs.openSync(file, "r");
  try {
    if (size >= 4) fs.readSync(fd, tail, 0, 4, size - 4);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 4 || tail.readUInt32LE(0) !== tarBytes % 2 ** 32) {
    throw new BackupFileError(
      "The server's snapshot arrived incomplete (the server stopped or the connection broke): nothing was written.",
    );
  }
}
