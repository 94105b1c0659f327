import { createHmac, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";

/**
 * Rate-limit key: an HMAC of the client address under a salt that lives only in memory and
 * rotates every hour. The address itself is never stored or logged.
 */
const ROTATE_MS = 3600_000;
let salt = randomBytes(32);
let saltSince = Date.now();

export function hashedClientKey(req: FastifyRequest): string {
  if (Date.now() - saltSince > ROTATE_MS) {
    salt = randomBytes(32);
    saltSince = Date.now();
  }
  return createHmac("sha256", salt).update(req.ip).digest("base64url");
}
