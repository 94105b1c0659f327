/**
 * A consistent copy of an embedded (PGlite) database, and its restore into a fresh folder.
 *
 * PGlite runs one statement at a time and every query and transaction takes its transaction lock,
 * so inside `pglite.transaction(...)` nothing else runs: a checkpoint, the row counts and the dump
 * of the data folder see the same state. The dump is taken uncompressed (the lock is held for
 * under a second on the demo data) and compressed afterwards, outside the lock.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { openDatabase } from "../db/client";
import { acquireFolderLock, prepareDataFolder } from "../db/data-folder";
import { collectManifest, type DatabaseManifest } from "./manifest";

export type PgliteSnapshot = { manifest: DatabaseManifest; tar: Blob };

export async function snapshotPglite(pglite: PGlite): Promise<PgliteSnapshot> {
  return pglite.transaction(async (tx) => {
    await tx.query("checkpoint");
    const manifest = await collectManifest(
      async (text) => (await tx.query<Record<string, unknown>>(text)).rows,
      "pglite",
    );
    const tar = await pglite.dumpDataDir("none");
    return { manifest, tar };
  });
}

/** The snapshot's tar, gzipped, as a stream. */
export function gzipTar(tar: Blob): Readable {
  return Readable.fromWeb(tar.stream()).pipe(zlib.createGzip({ level: 1 }));
}

/** The folder PGlite keeps its files in, under DATA_DIR (as db/client.ts opens it). */
export const pgliteFolder = (dataDir: string) => path.join(dataDir, "pglite");

export function holdsDatabase(folder: string): boolean {
  return fs.existsSync(path.join(folder, "PG_VERSION"));
}

/**
 * Snapshot of a data folder no server holds: opened under the folder's lock (a server cannot start
 * meanwhile), as is (no migration, no seed, nothing written by the application), copied, closed.
 */
export async function snapshotFolder(dataDir: string): Promise<PgliteSnapshot> {
  const database = await openDatabase({ dataDir, owner: { command: "backup" } });
  try {
    return await snapshotPglite(database.pglite!);
  } finally {
    await database.close();
  }
}

/**
 * Loads a gzipped data-folder tar into DATA_DIR/pglite, which must not exist or be empty, holding
 * the folder's lock meanwhile.
 */
export async function loadIntoFolder(dataDir: string, gz: Readable): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of gz.pipe(zlib.createGunzip())) chunks.push(chunk as Buffer);
  prepareDataFolder(dataDir);
  const release = acquireFolderLock(dataDir, { command: "restore" });
  try {
    const folder = pgliteFolder(dataDir);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const pglite = await PGlite.create(folder, {
      extensions: { pg_trgm },
      loadDataDir: new Blob(chunks),
    });
    await pglite.close();
    ownerOnly(folder);
  } finally {
    release();
  }
}

/** Folders 0700, files 0600: the restored database is the service user's only. */
function ownerOnly(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(p);
    else if (entry.isFile()) fs.chmodSync(p, 0o600);
  }
}
