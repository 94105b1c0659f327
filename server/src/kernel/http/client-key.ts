import { createHmac, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client";
import type { Envelope } from "../envelope";
import { rateLimitSalts } from "../shared-state.table";

/**
 * Rate-limit key: an HMAC of the client address under a salt that changes every hour. The address
 * itself is never stored or logged. Every app process on the database must hash an address alike
 * (a limit holds across processes, kernel/http/rate-limit-store.ts), so the hour's salt is one
 * random row in `rate_limit_salts` (unlogged: never in the WAL, a base backup or a replica), sealed
 * with the master key: the database alone cannot undo a hash. Salts of past hours are deleted.
 */
const HOUR_MS = 3600_000;

type Held = { hour: number; salt: Promise<Buffer> };
/** The salt of the current hour, per app (its envelope): one database round trip per hour. */
const held = new WeakMap<Envelope, Held>();

export async function hashedClientKey(req: FastifyRequest): Promise<string> {
  const salt = await hourSalt(req.server.db, req.server.envelope);
  return createHmac("sha256", salt).update(req.ip).digest("base64url");
}

function hourSalt(db: Db, envelope: Envelope): Promise<Buffer> {
  const hour = Math.floor(Date.now() / HOUR_MS);
  const h = held.get(envelope);
  if (h?.hour === hour) return h.salt;
  const salt = loadSalt(db, envelope, hour);
  const entry = { hour, salt };
  held.set(envelope, entry);
  salt.catch(() => {
    if (held.get(envelope) === entry) held.delete(envelope);
  });
  return salt;
}

async function loadSalt(db: Db, envelope: Envelope, hour: number): Promise<Buffer> {
  const aad = `rate-limit-salt:${hour}`;
  // The first process of the hour writes it; the others read the same row.
  await db
    .insert(rateLimitSalts)
    .values({ hour, sealed: envelope.seal(randomBytes(32), aad) })
    .onConflictDoNothing();
  const [row] = await db.select().from(rateLimitSalts).where(eq(rateLimitSalts.hour, hour));
  // One hour back stays for a process whose clock is a little behind.
  await db.delete(rateLimitSalts).where(lt(rateLimitSalts.hour, hour - 1));
  if (!row) throw new Error("rate-limit salt row missing");
  return envelope.open(row.sealed, aad);
}
