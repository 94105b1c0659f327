import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { RECEIPT_ALPHABET } from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import { loadOrCreateMasterKey } from "../../kernel/envelope";

/**
 * Receipt codes and secrets for citizens (tips and feedback). The code is short and readable; the
 * secret is 100 random bits from the server (Crockford base32), shown once. Only an HMAC-SHA256
 * verifier of code+secret under a server key kept outside the database is stored — see
 * docs/decisions/0008-citizen-channels.md for why a fast keyed hash suffices for a 100-bit secret.
 */
const SECRET_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReceiptCode(prefix: "T" | "P"): string {
  let s = prefix;
  for (let i = 0; i < 8; i += 1) {
    if (i === 4) s += "-";
    s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  }
  return s;
}

/** 20 symbols × 5 bits = 100 bits, grouped for reading: XXXXX-XXXXX-XXXXX-XXXXX. */
export function newSecret(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => SECRET_ALPHABET[b & 31]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/** Canonical form of a typed secret: upper case, no separators, look-alikes mapped. */
export function normaliseSecret(secret: string): string {
  return secret
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .replace(/U/g, "V");
}

export class ReceiptVerifier {
  constructor(private readonly key: Buffer) {}

  private static readonly byApp = new WeakMap<object, ReceiptVerifier>();

  /** The app's verifier (its key file read once per app). */
  static forApp(app: FastifyInstance): ReceiptVerifier {
    let v = ReceiptVerifier.byApp.get(app.server);
    if (!v) {
      const file = path.join(path.dirname(app.config.masterKeyFile), "receipt-verifier.key");
      v = new ReceiptVerifier(loadOrCreateMasterKey(file));
      ReceiptVerifier.byApp.set(app.server, v);
    }
    return v;
  }

  of(code: string, secret: string): Buffer {
    return createHmac("sha256", this.key)
      .update(`${code}\n${normaliseSecret(secret)}`)
      .digest();
  }

  matches(stored: Buffer | null, code: string, secret: string): boolean {
    const computed = this.of(code, secret);
    // Compare even when the code is unknown, so both answers take the same time.
    const against = stored && stored.length === computed.length ? stored : Buffer.alloc(computed.length);
    return timingSafeEqual(computed, against) && stored !== null;
  }
}
