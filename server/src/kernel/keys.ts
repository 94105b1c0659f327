import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { queryRows } from "../db/client";
import { createKeyFile, readKeyFile } from "./envelope";
import { keyFingerprints } from "./keys.table";

/**
 * The key files the server keeps outside the database — the one list: the start-up check below,
 * and the key backup commands, read it. Add a key here when a feature gets one.
 *
 * `guardsExistingData`: data written before fingerprints were stored depends on this key, so a
 * database that already holds sealed data and has no fingerprint for it must not get a new one.
 * A key added later (its data did not exist before its fingerprint) sets it false.
 */
export const KEY_FILES = [
  { name: "master.key", purpose: "wraps the data keys of every sealed field", guardsExistingData: true },
  { name: "case-index.key", purpose: "keys the search index of case files", guardsExistingData: true },
  { name: "receipt-verifier.key", purpose: "checks citizens' receipt codes", guardsExistingData: true },
  // Signs the audit checkpoints (decision 0012); none existed before it, so a new one is safe then.
  { name: "audit-checkpoint.key", purpose: "signs the audit log's checkpoints", guardsExistingData: false },
  // Keys the search index of roster names (issue 19); rosters were clear before it, so new is safe then.
  { name: "roster-index.key", purpose: "keys the search index of roster names", guardsExistingData: false },
  // Keys the search index of citizens' contact details on tips and feedback (issue 19); the index is
  // built from the sealed contacts at start, so a new key is safe before its fingerprint exists.
  {
    name: "contact-index.key",
    purpose: "keys the search index of citizens' contact details",
    guardsExistingData: false,
  },
] as const satisfies readonly KeyFileSpec[];

export type KeyFileSpec = { name: string; purpose: string; guardsExistingData: boolean };

/** Where each key file lives: the master key where configured, the others in its folder. */
export function keyFilePaths(masterKeyFile: string): { name: string; file: string }[] {
  return KEY_FILES.map((k) => ({
    name: k.name,
    file: k.name === "master.key" ? masterKeyFile : path.join(path.dirname(masterKeyFile), k.name),
  }));
}

/** HMAC-SHA256 of a fixed label under the key: identifies a key without revealing anything of it. */
export function keyFingerprint(key: Buffer): string {
  return createHmac("sha256", key).update("toandan key fingerprint v1").digest("hex");
}

export class KeyCheckError extends Error {}

const RESTORE = "npm run cli -- restore-keys <file>";
const short = (fingerprint: string) => fingerprint.slice(0, 12);

/** Sealed values (kernel/envelope.ts: version 1, 93 bytes at least) in any bytea column. */
export async function holdsSealedData(db: Db): Promise<boolean> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type = 'bytea' order by table_name, column_name`,
  );
  for (const c of columns) {
    const t = sql.identifier(c.table_name);
    const col = sql.identifier(c.column_name);
    const rows = await queryRows<{ found: boolean }>(
      db,
      sql`select exists (select 1 from ${t} where octet_length(${col}) >= 93 and get_byte(${col}, 0) = 1) as found`,
    );
    if (rows[0]?.found) return true;
  }
  return false;
}

export type KeyCheck = { name: string; file: string; status: "matched" | "recorded" | "created" };

/**
 * Run at every start before anything is sealed: each key file must be the one the database was
 * sealed with (its stored fingerprint). A missing key file is created only when the database
 * holds nothing that needs it; then its fingerprint is stored. Throws KeyCheckError (one line,
 * naming the file, what is wrong and how to restore it) otherwise.
 */
export async function ensureKeyFiles(db: Db, masterKeyFile: string): Promise<KeyCheck[]> {
  const stored = new Map(
    (await db.select().from(keyFingerprints)).map((r) => [r.name, r.fingerprint] as const),
  );
  let sealed: boolean | undefined;
  const needed = async () => stored.size > 0 || (sealed ??= await holdsSealedData(db));
  const out: KeyCheck[] = [];
  for (const [i, { name, file }] of keyFilePaths(masterKeyFile).entries()) {
    const spec: KeyFileSpec = KEY_FILES[i]!;
    const known = stored.get(name);
    let status: KeyCheck["status"] = "matched";
    if (!fs.existsSync(file)) {
      if (known) {
        throw new KeyCheckError(
          `Key file ${file} is missing, but this database holds data sealed with it (fingerprint ${short(known)}…). ` +
            `Restore it from your key backup with: ${RESTORE} — do not start with a new key.`,
        );
      }
      if (spec.guardsExistingData && (await needed())) {
        throw new KeyCheckError(
          `Key file ${file} is missing, but this database already holds sealed data (${spec.name} ${spec.purpose}). ` +
            `Restore it from your key backup with: ${RESTORE} — do not start with a new key.`,
        );
      }
      createKeyFile(file);
      status = "created";
    }
    const fingerprint = keyFingerprint(readKeyFile(file));
    if (known && known !== fingerprint) {
      throw new KeyCheckError(
        `Key file ${file} is not the key this database was sealed with (fingerprint ${short(fingerprint)}…, expected ${short(known)}…). ` +
          `Put the right file back from your key backup with: ${RESTORE}.`,
      );
    }
    if (!known) {
      await db.insert(keyFingerprints).values({ name, fingerprint }).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(keyFingerprints)
        .where(sql`${keyFingerprints.name} = ${name}`);
      if (row && row.fingerprint !== fingerprint) {
        throw new KeyCheckError(
          `Key file ${file} is not the key another server recorded for this database a moment ago (fingerprint ${short(fingerprint)}…, expected ${short(row.fingerprint)}…). ` +
            `Copy that server's key folder here, or restore it with: ${RESTORE}.`,
        );
      }
      if (status !== "created") status = "recorded";
    }
    out.push({ name, file, status });
  }
  return out;
}
