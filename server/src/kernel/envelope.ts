import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Envelope encryption for sensitive fields (tip content, case files…): every record gets its own
 * AES-256-GCM data key, wrapped by a master key that lives outside the database. A database dump or
 * backup therefore holds ciphertext only.
 *
 * Sealed layout (one bytea): version(1) | key id(4) | wrap iv(12) | wrap tag(16) | wrapped key(32)
 *                            | data iv(12) | data tag(16) | ciphertext
 * `aad` binds a ciphertext to its place (e.g. `tip:<id>:description`): moving it elsewhere fails.
 */
const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + 4 + IV_BYTES + TAG_BYTES + KEY_BYTES + IV_BYTES + TAG_BYTES;

export class EnvelopeError extends Error {}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

export class Envelope {
  readonly keyId: Buffer;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new EnvelopeError("master key must be 32 bytes");
    this.keyId = createHash("sha256").update(masterKey).digest().subarray(0, 4);
  }

  seal(plaintext: string | Buffer, aad: string): Buffer {
    const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
    const dataKey = randomBytes(KEY_BYTES);
    const body = gcmSeal(dataKey, data, aad);
    const wrap = gcmSeal(this.masterKey, dataKey, `dek:${aad}`);
    dataKey.fill(0);
    return Buffer.concat([
      Buffer.from([VERSION]),
      this.keyId,
      wrap.iv,
      wrap.tag,
      wrap.ct,
      body.iv,
      body.tag,
      body.ct,
    ]);
  }

  open(sealed: Buffer, aad: string): Buffer {
    if (sealed.length < HEADER || sealed[0] !== VERSION) throw new EnvelopeError("not a sealed value");
    if (!sealed.subarray(1, 5).equals(this.keyId)) {
      throw new EnvelopeError("sealed with another master key");
    }
    let o = 5;
    const take = (n: number) => sealed.subarray(o, (o += n));
    const wrapIv = take(IV_BYTES);
    const wrapTag = take(TAG_BYTES);
    const wrapped = take(KEY_BYTES);
    const iv = take(IV_BYTES);
    const tag = take(TAG_BYTES);
    const ct = sealed.subarray(o);
    try {
      const dataKey = gcmOpen(this.masterKey, wrapIv, wrapTag, wrapped, `dek:${aad}`);
      const out = gcmOpen(dataKey, iv, tag, ct, aad);
      dataKey.fill(0);
      return out;
    } catch {
      throw new EnvelopeError("sealed value failed authentication");
    }
  }

  openText(sealed: Buffer, aad: string): string {
    return this.open(sealed, aad).toString("utf8");
  }

  sealOptional(plaintext: string | null | undefined, aad: string): Buffer | null {
    return plaintext === null || plaintext === undefined ? null : this.seal(plaintext, aad);
  }

  openOptionalText(sealed: Buffer | null | undefined, aad: string): string | null {
    return sealed ? this.openText(sealed, aad) : null;
  }
}

/**
 * Creates a key file (32 random bytes, base64, mode 0600 in a 0700 folder) unless it exists;
 * true when this call wrote it. Never replaces an existing file.
 */
export function createKeyFile(file: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  }
}

/**
 * Reads a key file (32 bytes in base64). Refuses a key file that others can read or write, or a
 * key folder that others can write (they could swap the key).
 */
export function readKeyFile(file: string): Buffer {
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new EnvelopeError(
      `Key file ${file} must not be readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`,
    );
  }
  const dir = path.dirname(file);
  const dirMode = fs.statSync(dir).mode & 0o777;
  if ((dirMode & 0o022) !== 0) {
    throw new EnvelopeError(
      `Key folder ${dir} must not be writable by others (mode ${dirMode.toString(8)}); run: chmod 700 ${dir}`,
    );
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new EnvelopeError(`Key file ${file} must hold 32 bytes in base64`);
  }
  return key;
}

/**
 * Reads a key file, or creates it when it does not exist. The server's start (kernel/keys.ts) has
 * already refused a missing key that the database needs, so a file created here is a new key for
 * a database that holds nothing sealed with it (tests, and an engine opened without the CLI).
 */
export function loadOrCreateMasterKey(file: string): Buffer {
  if (!fs.existsSync(file)) createKeyFile(file);
  return readKeyFile(file);
}
