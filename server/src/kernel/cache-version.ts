import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { cacheVersions } from "./shared-state.table";

/**
 * Caches that every app process on the database must agree on. A write that makes a cache wrong
 * bumps the cache's version row in its own transaction (`bumpCacheVersion(tx, name)`); a reader
 * checks the version (one primary-key read) before trusting what it holds, so a change committed
 * through one process is seen by the next request on any process. Each cache still has a time to
 * live for the changes that do not bump it.
 */
export async function bumpCacheVersion(tx: Db, name: string): Promise<void> {
  await tx
    .insert(cacheVersions)
    .values({ name, version: 1 })
    .onConflictDoUpdate({ target: cacheVersions.name, set: { version: sql`${cacheVersions.version} + 1` } });
}

/** The cache's current version (0 before its first bump). */
export async function cacheVersion(db: Db, name: string): Promise<number> {
  const [row] = await db
    .select({ version: cacheVersions.version })
    .from(cacheVersions)
    .where(eq(cacheVersions.name, name));
  return row ? Number(row.version) : 0;
}

type Entry<V> = { at: number; version: number; value: V };

/**
 * A process's cache of values that a version row invalidates: an entry is used only while the
 * version read before it was loaded is still current and its time to live has not run out.
 * Concurrent readers share one version read in flight (at most one round trip at a time per cache).
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private inFlight: { db: Db; read: Promise<number> } | null = null;

  constructor(
    readonly name: string,
    private readonly opts: { ttlMs: number; maxEntries?: number },
  ) {}

  async get(db: Db, key: string, load: () => Promise<V>): Promise<V> {
    const version = await this.version(db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.opts.ttlMs) return hit.value;
    const value = await load();
    if (this.entries.size >= (this.opts.maxEntries ?? 1000)) this.entries.clear();
    this.entries.set(key, { at: Date.now(), version, value });
    return value;
  }

  /**
   * Joins the read in flight only on the same handle: a reader inside a transaction must not wait
   * for a read queued behind that transaction (PGlite has one connection).
   */
  private version(db: Db): Promise<number> {
    if (this.inFlight?.db === db) return this.inFlight.read;
    const read = cacheVersion(db, this.name);
    const flight = { db, read };
    this.inFlight = flight;
    void read
      .finally(() => {
        if (this.inFlight === flight) this.inFlight = null;
      })
      .catch(() => undefined);
    return read;
  }
}
