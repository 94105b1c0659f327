/**
 * `backup-keys <file>` / `restore-keys <file>`: the key files of the keys folder (the master key's
 * folder, DATA_DIR/keys by default: master.key, case-index.key, receipt-verifier.key and any other
 * *.key), sealed with a passphrase — scrypt (N = 2^17, r = 8, p = 1) derives an AES-256-GCM key;
 * the file's header is authenticated with the content, so a wrong passphrase or an altered file
 * restores nothing. Kept apart from the database backups, which never hold the keys.
 */
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCb,
  type ScryptOptions,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { clockNow } from "@toandan/contracts";

const FORMAT = "toandan-keys";
const VERSION = 1;
const KEY_NAME = /^[A-Za-z0-9_.-]+\.key$/;
/** A plain file name: no folder, not "." or "..". */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
export const MIN_PASSPHRASE = 12;
const DEFAULT_KDF = { name: "scrypt", N: 2 ** 17, r: 8, p: 1 } as const;

type Kdf = { name: "scrypt"; N: number; r: number; p: number; salt: string };
type KeyBackupFile = {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  kdf: Kdf;
  cipher: "aes-256-gcm";
  iv: string;
  tag: string;
  ciphertext: string;
};
type Payload = { files: { name: string; data: string }[] };

export class KeyBackupError extends Error {}

function deriveKey(passphrase: string, kdf: Kdf): Promise<Buffer> {
  const opts: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize("NFC"), Buffer.from(kdf.salt, "base64"), 32, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** The header fields the cipher authenticates along with the content. */
const aad = (f: Pick<KeyBackupFile, "format" | "version" | "createdAt" | "kdf" | "cipher" | "iv">) =>
  Buffer.from(
    JSON.stringify([
      f.format,
      f.version,
      f.createdAt,
      f.kdf.name,
      f.kdf.N,
      f.kdf.r,
      f.kdf.p,
      f.kdf.salt,
      f.cipher,
      f.iv,
    ]),
    "utf8",
  );

/** The key files of `dir`: every *.key, and the master key file whatever its name. */
export function listKeyFiles(dir: string, masterKeyFile?: string): string[] {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => KEY_NAME.test(n)) : [];
  if (masterKeyFile && path.dirname(masterKeyFile) === dir && fs.existsSync(masterKeyFile)) {
    names.push(path.basename(masterKeyFile));
  }
  return [...new Set(names)].sort().filter((n) => fs.statSync(path.join(dir, n)).isFile());
}

/** Seals the key files of `dir` into `file` (mode 0600); returns the names written. */
export async function backupKeys(
  dir: string,
  file: string,
  passphrase: string,
  opts: { masterKeyFile?: string; kdf?: { N: number; r: number; p: number } } = {},
): Promise<string[]> {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new KeyBackupError(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  }
  if (fs.existsSync(file)) throw new KeyBackupError(`${file} already exists: choose a new file name.`);
  const names = listKeyFiles(dir, opts.masterKeyFile);
  if (names.length === 0) throw new KeyBackupError(`No key files in ${dir}.`);
  const payload: Payload = {
    files: names.map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)).toString("base64") })),
  };
  const kdf: Kdf = { ...DEFAULT_KDF, ...opts.kdf, name: "scrypt", salt: randomBytes(16).toString("base64") };
  const header = {
    format: FORMAT,
    version: VERSION,
    createdAt: clockNow().toISOString(),
    kdf,
    cipher: "aes-256-gcm",
    iv: randomBytes(12).toString("base64"),
  } as const;
  const key = await deriveKey(passphrase, kdf);
  const cipher = createCipheriv("aes-256-gcm", key, Buffer.from(header.iv, "base64"));
  cipher.setAAD(aad(header));
  const ct = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  key.fill(0);
  const out: KeyBackupFile = {
    ...header,
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ct.toString("base64"),
  };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  fs.chmodSync(file, 0o600);
  return names;
}

/** Opens a key backup; a wrong passphrase or an altered file is a KeyBackupError. */
export async function openKeyBackup(file: string, passphrase: string): Promise<Payload["files"]> {
  let f: KeyBackupFile;
  try {
    f = JSON.parse(fs.readFileSync(file, "utf8")) as KeyBackupFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KeyBackupError(code ? `Cannot read ${file}: ${code}.` : `${file} is not a key backup.`);
  }
  if (f.format !== FORMAT || f.kdf?.name !== "scrypt" || f.cipher !== "aes-256-gcm") {
    throw new KeyBackupError(`${file} is not a Toàn Dân key backup.`);
  }
  if (f.version !== VERSION) {
    throw new KeyBackupError(`${file}: key backup version ${f.version} is not known.`);
  }
  const key = await deriveKey(passphrase, f.kdf);
  let plain: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(f.iv, "base64"));
    decipher.setAAD(aad(f));
    decipher.setAuthTag(Buffer.from(f.tag, "base64"));
    plain = Buffer.concat([decipher.update(Buffer.from(f.ciphertext, "base64")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new KeyBackupError("Wrong passphrase, or the key backup was altered: nothing was restored.");
  } finally {
    key.fill(0);
  }
  const files = (JSON.parse(plain) as Payload).files;
  for (const k of files) {
    if (!SAFE_NAME.test(k.name)) {
      throw new KeyBackupError(`${file}: unexpected key file name ${JSON.stringify(k.name)}.`);
    }
  }
  return files;
}

export type RestoredKey = { name: string; status: "written" | "unchanged" | "replaced" };

/**
 * Writes the backup's key files into `dir` (0700; files 0600). A different key file already there
 * is refused (nothing written) unless `force`, which keeps the old one renamed next to it.
 */
export async function restoreKeys(
  dir: string,
  file: string,
  passphrase: string,
  opts: { force?: boolean } = {},
): Promise<RestoredKey[]> {
  const files = await openKeyBackup(file, passphrase);
  const plan = files.map((k) => {
    const target = path.join(dir, k.name);
    const data = Buffer.from(k.data, "base64");
    const current = fs.existsSync(target) ? fs.readFileSync(target) : null;
    return { k, target, data, current };
  });
  const conflicts = plan.filter((p) => p.current && !p.current.equals(p.data)).map((p) => p.k.name);
  if (conflicts.length > 0 && !opts.force) {
    throw new KeyBackupError(
      `${dir} already holds different ${conflicts.join(", ")}: nothing was restored. ` +
        "Pass --force to keep the current files renamed (*.replaced-<time>) and write the backup's.",
    );
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const stamp = clockNow().toISOString().replace(/[:.]/g, "-");
  const out: RestoredKey[] = [];
  for (const p of plan) {
    if (p.current?.equals(p.data)) {
      out.push({ name: p.k.name, status: "unchanged" });
      continue;
    }
    if (p.current) fs.renameSync(p.target, `${p.target}.replaced-${stamp}`);
    const tmp = `${p.target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, p.data, { mode: 0o600, flag: "wx" });
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, p.target);
    out.push({ name: p.k.name, status: p.current ? "replaced" : "written" });
  }
  return out;
}

/** The passphrase: BACKUP_PASSPHRASE, else typed (not echoed) in a terminal, twice when `confirm`. */
export async function readPassphrase(confirm: boolean): Promise<string> {
  const fromEnv = process.env.BACKUP_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new KeyBackupError(
      "Set BACKUP_PASSPHRASE, or run the command in a terminal to type the passphrase.",
    );
  }
  const first = await askHidden("Passphrase: ");
  if (confirm && (await askHidden("Passphrase again: ")) !== first) {
    throw new KeyBackupError("The two passphrases differ.");
  }
  return first;
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    let value = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          return resolve(value);
        }
        if (ch === "\u0003" || ch === "\u0004") {
          done();
          return reject(new KeyBackupError("Cancelled."));
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}
