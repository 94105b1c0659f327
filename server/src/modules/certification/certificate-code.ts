import { randomBytes } from "node:crypto";

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 16 symbols × 5 bits = 80 random bits. */
export const CODE_LENGTH = 16;

/** A new certificate code: 80 bits from the system's CSPRNG, shown as XXXX-XXXX-XXXX-XXXX. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = CODE_LENGTH - 1; i >= 0; i -= 1) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

/** Normalises what a person typed (case, dashes, spaces, I/L → 1, O → 0); null if it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}
