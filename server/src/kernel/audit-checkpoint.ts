import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadOrCreateMasterKey } from "./envelope";

/**
 * Signed checkpoints of the audit chain: a signed tree head in the sense of Certificate
 * Transparency (RFC 9162 §4.10), over a hash chain rather than a Merkle tree. The key is an
 * Ed25519 key whose 32-byte seed lives in a file outside the database (like the master key), so
 * whoever can only write to the database cannot sign a checkpoint; anyone holding the public key
 * can check one. Decision 0012.
 */
export type Checkpoint = {
  /** Sealed rows covered: the chain's places 1…treeSize. */
  treeSize: number;
  /** `hash` of the row at place treeSize. */
  headHash: string;
  /** ISO time of signing, exactly as signed. */
  signedAt: string;
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER). */
  keyId: string;
  /** Ed25519 signature, base64. */
  signature: string;
};

/** Where the checkpoint key and the checkpoint file live (config: DATA_DIR/keys, AUDIT_CHECKPOINT_FILE). */
export type CheckpointFiles = { keyFile: string; checkpointFile: string };

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function message(treeSize: number, headHash: string, signedAt: string): Buffer {
  return Buffer.from(`toandan-audit-checkpoint/v1\n${treeSize}\n${headHash}\n${signedAt}\n`, "utf8");
}

export class CheckpointSigner {
  readonly keyId: string;
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(seed: Buffer) {
    this.privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: "der",
      type: "pkcs8",
    });
    this.publicKey = createPublicKey(this.privateKey);
    const spki = this.publicKey.export({ format: "der", type: "spki" });
    this.keyId = createHash("sha256").update(spki).digest("hex").slice(0, 16);
  }

  sign(treeSize: number, headHash: string, signedAt: string): Checkpoint {
    const signature = sign(null, message(treeSize, headHash, signedAt), this.privateKey).toString("base64");
    return { treeSize, headHash, signedAt, keyId: this.keyId, signature };
  }

  verify(cp: Checkpoint): boolean {
    if (cp.keyId !== this.keyId) return false;
    try {
      return verify(
        null,
        message(Number(cp.treeSize), cp.headHash, cp.signedAt),
        this.publicKey,
        Buffer.from(cp.signature, "base64"),
      );
    } catch {
      return false;
    }
  }
}

/** The sequencer's signer: the key file is created (mode 0600 in a 0700 folder) when missing. */
export function loadOrCreateSigner(keyFile: string): CheckpointSigner {
  return new CheckpointSigner(loadOrCreateMasterKey(keyFile));
}

/** The verifier's: never creates a key (a new key would only make every signature fail). */
export function loadSigner(keyFile: string): CheckpointSigner | null {
  return fs.existsSync(keyFile) ? new CheckpointSigner(loadOrCreateMasterKey(keyFile)) : null;
}

/** Appends one checkpoint as a JSON line to the file outside the database (created 0600). */
export async function appendCheckpointFile(file: string, cp: Checkpoint): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const line = `${JSON.stringify({ ...cp, treeSize: Number(cp.treeSize) })}\n`;
  await fs.promises.appendFile(file, line, { mode: 0o600 });
}

/**
 * The newest checkpoint in the file (its last complete line), read from the file's end so a long
 * file costs nothing. Null when the file is missing or empty; throws on a last line that is not a
 * checkpoint.
 */
export function readNewestFileCheckpoint(file: string): Checkpoint | null {
  if (!fs.existsSync(file)) return null;
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    let tail = "";
    for (let want = 4096; ; want *= 4) {
      const len = Math.min(want, size);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      tail = buf.toString("utf8");
      const lines = tail.split("\n").filter((l) => l.trim() !== "");
      if (lines.length >= 2 || len === size) break;
    }
    const lines = tail.split("\n").filter((l) => l.trim() !== "");
    const last = lines.at(-1);
    if (!last) return null;
    const cp = JSON.parse(last) as Checkpoint;
    if (
      typeof cp.treeSize !== "number" ||
      typeof cp.headHash !== "string" ||
      typeof cp.signature !== "string"
    ) {
      throw new Error(`the last line of ${file} is not an audit checkpoint`);
    }
    return cp;
  } finally {
    fs.closeSync(fd);
  }
}

/** Key and file settings per database handle, set by the running sequencer (buildApp). */
const registered = new WeakMap<object, CheckpointFiles>();

export function registerCheckpointFiles(db: object, files: CheckpointFiles): void {
  registered.set(db, files);
}

export function checkpointFilesFor(db: object): CheckpointFiles | undefined {
  return registered.get(db);
}
