import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { cacheVersions } from "./shared-state.table";
import { runPrepared } from "./statements";

/**
 * Caches that every app process on the database must agree on. A write that makes a cache wrong
 * bumps the cache's version row in its own transaction (`bumpCacheVersion(tx, name)`); a reader
 * checks the version (one primary-key read) before trusting what it holds, so a change committed
 * through one process is seen by the next request on any process. Each cache still has a time to
 * live for the changes that do not bump it.
 *
 * On PGlite the data folder has one process (its lock file), so the reader need not ask the
 * database: the bump also sends a notification, which PGlite delivers to this process when the
 * transaction commits (never on rollback) and before the commit returns, and the version is then
 * counted in memory (`followCacheVersions`). PostgreSQL delivers notifications asynchronously, so
 * there a reader keeps reading the row: the next request on any process sees the change.
 */
const CHANNEL = "toandan_cache_versions";

export async function bumpCacheVersion(tx: Db, name: string): Promise<void> {
  await tx
    .insert(cacheVersions)
    .values({ name, version: 1 })
    .onConflictDoUpdate({ target: cacheVersions.name, set: { version: sql`${cacheVersions.version} + 1` } });
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${name})`);
}

/** Versions counted from notifications, per embedded database followed in this process. */
const followed = new Set<Map<string, number>>();

/**
 * Counts the cache versions of an embedded database in memory from its notifications; returns the
 * function that stops it. While more than one is followed in one process (tests), readers fall back
 * to the version row, as they cannot tell which database a handle belongs to.
 */
export async function followCacheVersions(pglite: PGlite): Promise<() => Promise<void>> {
  const versions = new Map<string, number>();
  const unlisten = await pglite.listen(CHANNEL, (name) => {
    versions.set(name, (versions.get(name) ?? 0) + 1);
  });
  followed.add(versions);
  return async () => {
    followed.delete(versions);
    // A database closed first has dropped its listeners with it.
    if (!pglite.closed) await unlisten();
  };
}

function followedVersion(name: string): number | undefined {
  if (followed.size !== 1) return undefined;
  const [versions] = followed;
  // Negative: never equal to a version read from the row before following began.
  return -1 - (versions!.get(name) ?? 0);
}

/** The cache's current version (0 before its first bump). */
export async function cacheVersion(db: Db, name: string): Promise<number> {
  // Read on every request by some caches: a prepared statement, not a query built each time.
  const res = (await runPrepared(db, "td_cache_version", VERSION_SQL, [name])) as {
    rows: { version: number | string }[];
  };
  const [row] = res.rows;
  return row ? Number(row.version) : 0;
}

const VERSION_SQL = "select version from cache_versions where name = $1";

type Entry<V> = { at: number; version: number; value: V };

/** Every cache of this process, for clearCachesOfProcess. */
const caches = new Set<VersionedCache<unknown>>();

/**
 * Empties every VersionedCache of this process. For the tests, whose files share a process but
 * each open a database of their own, cloned from one template: the same version number there does
 * not mean the same data.
 */
export function clearCachesOfProcess(): void {
  for (const c of caches) c.clear();
}

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
  ) {
    caches.add(this);
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
    this.inFlight = null;
  }

  async get(db: Db, key: string, load: () => Promise<V>): Promise<V> {
    const version = await this.version(db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.opts.ttlMs) return hit.value;
    const value = await load();
    this.put(key, { at: Date.now(), version, value });
    return value;
  }

  /** Replaces the value of a key that is present, keeping the version it was checked against. */
  set(key: string, value: V): void {
    const hit = this.entries.get(key);
    if (hit) this.put(key, { ...hit, value });
  }

  private put(key: string, entry: Entry<V>): void {
    if (this.entries.size >= (this.opts.maxEntries ?? 1000)) this.entries.clear();
    this.entries.set(key, entry);
  }

  /**
   * Joins the read in flight only on the same handle: a reader inside a transaction must not wait
   * for a read queued behind that transaction (PGlite has one connection).
   */
  private version(db: Db): Promise<number> {
    const followedNow = followedVersion(this.name);
    if (followedNow !== undefined) return Promise.resolve(followedNow);
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
