// Which handle a read-only route reads from: the replica (DATABASE_READ_URL) when one is set, its
// lag is within DATABASE_READ_MAX_LAG and the caller has not written in that window; else the primary.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database, Db } from "../../db/client";
import { openReadReplica } from "../../db/read-replica";

/** Set on every successful write while a replica is configured: the caller reads from the primary until it expires. */
export const RECENT_WRITE_COOKIE = "td_wrote";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Decorates `app.readReplica` (null without DATABASE_READ_URL) and `app.readDb` (the replica's
 * handle, or the primary's when none is set); closes the replica's pool with the app.
 */
export async function registerReadReplica(app: FastifyInstance, database: Database): Promise<void> {
  const url = app.config.databaseReadUrl;
  const replica = url && database.pool ? await openReadReplica(url, database.pool) : null;
  app.decorate("readReplica", replica);
  app.decorate("readDb", replica?.db ?? database.db);
  if (!replica) return;
  app.addHook("onClose", () => replica.close());
  // Measured once now, so that the first reads may already go to the replica.
  await replica.lag().catch((err: unknown) => app.log.warn({ err }, "read replica: lag not measured"));
  // Read-your-writes: after its own write, a caller's next pages come from the primary for as long
  // as a replica may lag and still be used, so the list it returns to shows what it just saved.
  const maxAge = Math.max(1, Math.ceil(app.config.databaseReadMaxLagSeconds));
  app.addHook("onSend", async (req, reply, payload) => {
    if (!READ_METHODS.has(req.method) && reply.statusCode < 400 && req.actor) {
      reply.setCookie(RECENT_WRITE_COOKIE, "1", {
        path: "/",
        maxAge,
        httpOnly: true,
        sameSite: "lax",
        secure: app.config.cookieSecure,
      });
    }
    return payload;
  });
}

/** Where a replica-eligible read goes for this request, and whether that is the replica. */
export function readHandle(app: FastifyInstance, req: FastifyRequest): { db: Db; replica: boolean } {
  const replica = app.readReplica;
  if (!replica || req.cookies?.[RECENT_WRITE_COOKIE]) return { db: app.db, replica: false };
  const lag = replica.lastLag();
  // Not measured yet (the first read after start) or too far behind: the primary answers.
  if (!lag || lag.seconds > app.config.databaseReadMaxLagSeconds) return { db: app.db, replica: false };
  return { db: replica.db, replica: true };
}
