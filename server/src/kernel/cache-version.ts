import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { setImmediate } from "node:timers";
import type { Db } from "../db/client";
import { cacheVersions } from "./shared-state.table";
import { runPrepared } from "./statements";

/**
 * Caches that every app process on the database must agree on. A write that makes a cache wrong
 * bumps the cache's version row in its own transaction (`bumpCacheVersion(tx, name)`, or a
 * trigger); a reader checks the version before trusting what it holds — every version in one
 * statement, shared only by the readers of one turn of the event loop (`readVersions`) — so a
 * change committed through one process is seen by the next request on any process. Each cache
 * still has a time to live for the changes that do not bump it.
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
  return (await readVersions(db)).get(name) ?? 0;
}

/** Every version row: a handful, one per cache name. */
const VERSIONS_SQL = "select name, version from cache_versions";

/** Per handle, the read of every version row not sent yet, which callers of this turn join. */
const unsent = new Map<Db, Promise<Map<string, number>>>();

/**
 * Every cache's version, read in one statement for all the readers of one turn of the event loop
 * (requests parsed together ask together): the read is sent after each of them asked, so it sees
 * every change committed before any of them began — a reader never joins a read already sent, which
 * could have taken its snapshot before a change it must see. Per handle: a reader inside a
 * transaction must not wait for a read queued behind that transaction (PGlite has one connection).
 */
function readVersions(db: Db): Promise<Map<string, number>> {
  let read = unsent.get(db);
  if (!read) {
    read = new Promise((resolve, reject) => {
      setImmediate(() => {
        unsent.delete(db);
        // A prepared statement: read on every request (kernel/statements.ts).
        runPrepared(db, "td_cache_versions", VERSIONS_SQL, []).then((res) => {
          const rows = (res as { rows: { name: string; version: number | string }[] }).rows;
          resolve(new Map(rows.map((r) => [r.name, Number(r.version)])));
        }, reject);
      });
    });
    unsent.set(db, read);
  }
  return read;
}

type Entry<V> = { at: number; version: string; value: V };

/** Every cache of this process, for clearCachesOfProcess. */
const caches = new Set<{ clear: () => void }>();

/**
 * Empties every VersionedCache of this process. For the tests, whose files share a process but
 * each open a database of their own, cloned from one template: the same version number there does
 * not mean the same data.
 */
export function clearCachesOfProcess(): void {
  for (const c of caches) c.clear();
}

/** The version names each value held by a VersionedCache was checked against (see DerivedCache). */
const checkedAgainst = new WeakMap<object, readonly string[]>();

/**
 * A process's cache of values that version rows invalidate: an entry is used only while the
 * versions read before it was loaded are still current and its time to live has not run out. With
 * `alsoNames`, an entry depends on those versions as well as on its own `name`'s. The versions are
 * read once per request at most, for all caches together (`readVersions`), and not at all on PGlite.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  readonly names: readonly string[];

  constructor(
    readonly name: string,
    private readonly opts: {
      ttlMs: number;
      maxEntries?: number;
      alsoNames?: readonly string[];
      /** The object a DerivedCache keys on for a value (default: the value, when an object). */
      owner?: (value: V) => object | undefined;
    },
  ) {
    this.names = [name, ...(opts.alsoNames ?? [])];
    caches.add(this);
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
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
    const owner = this.opts.owner
      ? this.opts.owner(entry.value)
      : typeof entry.value === "object" && entry.value !== null
        ? entry.value
        : undefined;
    if (owner) checkedAgainst.set(owner, this.names);
  }

  private async version(db: Db): Promise<string> {
    const inMemory = this.names.map(followedVersion);
    if (inMemory.every((v) => v !== undefined)) return inMemory.join(",");
    const versions = await readVersions(db);
    return this.names.map((n) => versions.get(n) ?? 0).join(",");
  }
}

/**
 * Values derived from a value a VersionedCache handed out (its owner: e.g. a session's actor),
 * kept with the owner object and exactly as long as it is current. A VersionedCache hands out a
 * new object once any of its versions has changed, so what is kept here is dropped with the owner
 * — provided every change to what is derived bumps `name`, and `name` is one of the versions the
 * owner's cache checks (`alsoNames`); for any other owner nothing is kept. A request that holds a
 * current owner (checked at its start) may thus use what was derived from data as it was at the
 * last change at the latest, and no version is read for it.
 */
export class DerivedCache<V> {
  private readonly byOwner = new WeakMap<object, Map<string, V>>();

  constructor(
    readonly name: string,
    private readonly opts: { maxEntriesPerOwner?: number } = {},
  ) {}

  /** Whether values may be kept for this owner. */
  private keeps(owner: object): boolean {
    return checkedAgainst.get(owner)?.includes(this.name) ?? false;
  }

  peek(owner: object, key: string): V | undefined {
    return this.byOwner.get(owner)?.get(key);
  }

  put(owner: object, key: string, value: V): void {
    if (!this.keeps(owner)) return;
    let kept = this.byOwner.get(owner);
    if (!kept) this.byOwner.set(owner, (kept = new Map<string, V>()));
    if (kept.size >= (this.opts.maxEntriesPerOwner ?? 200)) kept.clear();
    kept.set(key, value);
  }
}
