import { sql } from "drizzle-orm";
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { queryRows, type Db } from "../../db/client";

/**
 * A store for `@fastify/rate-limit` in the database, so that a limit holds across every app process
 * on it: one atomic upsert per hit on `rate_limit_hits` (unlogged), keyed by the route and the
 * hashed client key (kernel/http/client-key.ts — never an address). A window starts at the first
 * hit and lasts `timeWindow`, as in the plugin's own in-memory store; times are the database's, so
 * processes with skewed clocks still agree. Expired windows are swept once a minute per process.
 */
type Params = { continueExceeding?: boolean; exponentialBackoff?: boolean };
type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type RouteInfo = { routeInfo?: { method?: string | string[]; url?: string } };

const SWEEP_MS = 60_000;

export function databaseRateLimitStore(db: Db, opts: { sweepMs?: number } = {}): FastifyRateLimitStoreCtor {
  const sweepMs = opts.sweepMs ?? SWEEP_MS;
  const sweep = { last: Date.now() };

  async function hit(
    key: string,
    windowMs: number,
    max: number,
    continueExceeding: boolean,
  ): Promise<Result> {
    if (Date.now() - sweep.last >= sweepMs) {
      sweep.last = Date.now();
      await db.execute(sql`delete from rate_limit_hits where expires_at <= now()`);
    }
    const [row] = await queryRows<{ hits: number; ttl: number }>(
      db,
      sql`insert into rate_limit_hits as h (key, hits, expires_at)
          values (${key}, 1, now() + ${windowMs}::double precision * interval '1 millisecond')
          on conflict (key) do update set
            hits = case when h.expires_at <= now() then 1 else h.hits + 1 end,
            expires_at = case
              when h.expires_at <= now() then excluded.expires_at
              when ${continueExceeding}::boolean and h.hits + 1 > ${max}::integer then excluded.expires_at
              else h.expires_at end
          returning hits, greatest(0, ceil(extract(epoch from h.expires_at - now()) * 1000))::int as ttl`,
    );
    return { current: Number(row!.hits), ttl: Number(row!.ttl) };
  }

  async function peek(key: string): Promise<Result> {
    const [row] = await queryRows<{ hits: number; ttl: number }>(
      db,
      sql`select hits, greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::int as ttl
          from rate_limit_hits where key = ${key} and expires_at > now()`,
    );
    return row ? { current: Number(row.hits), ttl: Number(row.ttl) } : { current: 0, ttl: 0 };
  }

  class DatabaseRateLimitStore {
    private readonly continueExceeding: boolean;

    constructor(
      params: Params,
      private readonly prefix = "",
    ) {
      if (params.exponentialBackoff) {
        throw new Error("the database rate-limit store has no exponential backoff");
      }
      this.continueExceeding = params.continueExceeding === true;
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      hit(this.prefix + key, timeWindow, max, this.continueExceeding).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback): void {
      peek(this.prefix + key).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    /**
     * One namespace per route, like the plugin's own stores. The plugin passes the route's merged
     * limit options with `routeInfo` (its declared type says route options).
     */
    child(options: unknown): FastifyRateLimitStore {
      const o = options as Params & RouteInfo;
      const { method = "", url = "" } = o.routeInfo ?? {};
      return new DatabaseRateLimitStore(o, `${String(method)} ${url}|`);
    }
  }
  return DatabaseRateLimitStore;
}
