import { NoopLogger, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";
import { bumpCacheVersion, cacheVersion, VersionedCache } from "./cache-version";

/** Two processes sharing these caches: modules/news/shared-caches.test.ts. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 300_000);
afterAll(() => t?.close());

describe("VersionedCache", () => {
  it("a version bumped in a transaction that rolls back invalidates nothing", async () => {
    const db = t.database.db;
    const cache = new VersionedCache<number>("test-rollback", { ttlMs: 60_000 });
    let loads = 0;
    const load = () => Promise.resolve((loads += 1));
    expect(await cache.get(db, "k", load)).toBe(1);
    await db
      .transaction(async (tx) => {
        await bumpCacheVersion(tx, "test-rollback");
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await cacheVersion(db, "test-rollback")).toBe(0);
    expect(await cache.get(db, "k", load)).toBe(1);
    await db.transaction((tx) => bumpCacheVersion(tx, "test-rollback"));
    expect(await cacheVersion(db, "test-rollback")).toBe(1);
    expect(await cache.get(db, "k", load)).toBe(2);
    expect(await cache.get(db, "k", load)).toBe(2);
  });

  it("counts versions in memory on PGlite (one process per folder) and reads the row on PostgreSQL", async () => {
    const db = t.database.db;
    const cache = new VersionedCache<number>("test-engine", { ttlMs: 60_000 });
    let loads = 0;
    const load = () => Promise.resolve((loads += 1));
    expect(await cache.get(db, "k", load)).toBe(1);
    // A version row changed without the notification a bump sends: only a reader of the row sees it.
    await db.execute(sql`insert into cache_versions (name, version) values ('test-engine', 7)`);
    const inMemory = t.database.engine === "pglite";
    expect(await cache.get(db, "k", load)).toBe(inMemory ? 1 : 2);
    await db.transaction((tx) => bumpCacheVersion(tx, "test-engine"));
    expect(await cache.get(db, "k", load)).toBe(inMemory ? 2 : 3);
  });

  it("reads every version in one statement for the readers of one turn, never joining a read already sent", async () => {
    const db = t.database.db;
    const sent: string[] = [];
    const spy = vi.spyOn(NoopLogger.prototype, "logQuery").mockImplementation((...args: unknown[]) => {
      sent.push(String(args[0]));
    });
    try {
      const before = await cacheVersion(db, "test-turn");
      sent.length = 0;
      expect(await Promise.all([cacheVersion(db, "test-turn"), cacheVersion(db, "test-other")])).toEqual([
        before,
        0,
      ]);
      expect(sent).toEqual(["select name, version from cache_versions"]);
      // A read sent, then a change committed: a reader asking after the commit reads again and sees it.
      const early = cacheVersion(db, "test-turn");
      await new Promise((resolve) => setImmediate(resolve));
      await db.transaction((tx) => bumpCacheVersion(tx, "test-turn"));
      const late = await cacheVersion(db, "test-turn");
      expect([before, before + 1]).toContain(await early);
      expect(late).toBe(before + 1);
      expect(sent.filter((q) => q.startsWith("select name, version"))).toHaveLength(3);
    } finally {
      spy.mockRestore();
    }
  });
});
