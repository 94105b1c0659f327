/**
 * The database backup file: a small readable header, then the engine's own dump.
 *
 *   line 1   `TOANDAN-BACKUP 1`
 *   line 2   the manifest, one line of JSON (engine, migration level, created at, row counts,
 *            audit head, and the payload's size and SHA-256)
 *   rest     the payload: PGlite's data folder as a gzipped tar (`dumpDataDir`), or `pg_dump -Fc`
 *
 * The file is written under a temporary name with mode 0600 and renamed when complete, so a
 * crashed backup never leaves a file that looks whole. The key files are never part of it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { DatabaseManifest } from "./manifest";

const MAGIC = "TOANDAN-BACKUP 1";
const MAX_HEADER = 1024 * 1024;

export type PayloadKind = "pglite-datadir-tar-gz" | "pg_dump-custom";

export type BackupManifest = DatabaseManifest & {
  createdAt: string;
  payload: { kind: PayloadKind; bytes: number; sha256: string };
};

export class BackupFileError extends Error {}

/** A temporary file next to `file`, mode 0600, removed by `discard`. */
export function temporaryNextTo(file: string): { path: string; discard: () => void } {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.partial`);
  return { path: tmp, discard: () => fs.rmSync(tmp, { force: true }) };
}

/** Streams `source` to a 0600 file, returning its size and SHA-256. */
export async function writeHashed(
  source: Readable,
  file: string,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  source.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  await pipeline(source, fs.createWriteStream(file, { mode: 0o600, flags: "wx" }));
  return { bytes, sha256: hash.digest("hex") };
}

/**
 * Writes the backup file: header, then the payload already written to `payloadFile` (which is
 * removed). Refuses to overwrite an existing file.
 */
export async function assembleBackup(
  file: string,
  manifest: BackupManifest,
  payloadFile: string,
): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupFileError(`${file} already exists: choose a new file name.`);
  const tmp = `${target}.${process.pid}.writing`;
  try {
    const out = fs.createWriteStream(tmp, { mode: 0o600, flags: "wx" });
    out.write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
    await pipeline(fs.createReadStream(payloadFile), out);
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(payloadFile, { force: true });
  }
}

export type OpenedBackup = {
  manifest: BackupManifest;
  /** Byte offset of the payload in the file. */
  offset: number;
  /** A stream of the payload (not yet checked). */
  payload: () => Readable;
};

/** Reads and checks the header; `verify` then checks the payload's size and SHA-256. */
export function openBackup(file: string): OpenedBackup {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (err) {
    throw new BackupFileError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  try {
    const head = Buffer.alloc(Math.min(MAX_HEADER, fs.fstatSync(fd).size));
    fs.readSync(fd, head, 0, head.length, 0);
    const first = head.indexOf(10);
    const second = first < 0 ? -1 : head.indexOf(10, first + 1);
    if (first < 0 || head.subarray(0, first).toString("utf8") !== MAGIC || second < 0) {
      throw new BackupFileError(`${file} is not a Toàn Dân database backup (no "${MAGIC}" header).`);
    }
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(head.subarray(first + 1, second).toString("utf8")) as BackupManifest;
    } catch {
      throw new BackupFileError(`${file}: the backup header is damaged.`);
    }
    const offset = second + 1;
    return { manifest, offset, payload: () => fs.createReadStream(file, { start: offset }) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks the payload against the header's size and SHA-256 (a truncated or altered file fails). */
export async function verifyPayload(file: string, backup: OpenedBackup): Promise<void> {
  const size = fs.statSync(file).size - backup.offset;
  if (size !== backup.manifest.payload.bytes) {
    throw new BackupFileError(
      `${file} is incomplete: ${size} bytes of payload where the header says ${backup.manifest.payload.bytes}.`,
    );
  }
  const hash = createHash("sha256");
  for await (const chunk of backup.payload()) hash.update(chunk as Buffer);
  if (hash.digest("hex") !== backup.manifest.payload.sha256) {
    throw new BackupFileError(`${file} is damaged: its content does not match the checksum in its header.`);
  }
}
