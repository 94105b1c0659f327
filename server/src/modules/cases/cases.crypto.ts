import { createHmac } from "node:crypto";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { loadOrCreateMasterKey, type Envelope } from "../../kernel/envelope";

/** Sealing and the blind index for case files. The index key is a separate 0600 key file. */
export type CaseCrypto = {
  envelope: Envelope;
  /** Keyed HMAC of an identity number: equal numbers match, the number is not recoverable. */
  identityIndex: (identityNumber: string) => string;
};

export function caseCryptoFor(app: FastifyInstance): CaseCrypto {
  const file = path.join(path.dirname(app.config.masterKeyFile), "case-index.key");
  const key = loadOrCreateMasterKey(file);
  return {
    envelope: app.envelope,
    identityIndex: (n) => createHmac("sha256", key).update(`identity:${n.trim()}`).digest("hex"),
  };
}

/** Additional data binding each sealed value to its row and field. */
export const aad = (caseId: string, field: string) => `case:${caseId}:${field}`;
