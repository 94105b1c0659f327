import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createTestContext, secondApp, type TestContext } from "../../test/harness";
import { databaseRateLimitStore } from "./rate-limit-store";

/**
 * Two app processes on one database, as far as one test process can tell them apart (secondApp):
 * nothing held in module memory (salts, caches) is shared between them — only the database is.
 */
let t: TestContext;
let other: FastifyInstance;

beforeAll(async () => {
  t = await createTestContext({ LOGIN_RATE_LIMIT: "10", CITIZEN_RATE_LIMIT: "10" }, { sharedState: true });
  other = await secondApp(t);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const ADDRESS = "198.51.100.23";

async function statuses(app: FastifyInstance, n: number, url: string, payload: object): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    codes.push((await app.inject({ method: "POST", url, payload, remoteAddress: ADDRESS })).statusCode);
  }
  return codes;
}

describe("rate limits shared by every app process on the database", () => {
  it("refuses sign-in attempts past the limit whichever process gets them (10 + 10)", async () => {
    const login = "/api/v1/auth/login";
    const payload = { username: "nobody-here", password: "wrong password" };
    const first = await statuses(t.app, 10, login, payload);
    const second = await statuses(other, 10, login, payload);
    expect(first.filter((c) => c === 429)).toEqual([]);
    expect(second).toEqual(Array(10).fill(429));
    // Another address still gets its own limit.
    const res = await other.inject({ method: "POST", url: login, payload, remoteAddress: "198.51.100.24" });
    expect(res.statusCode).not.toBe(429);
  });

  it("refuses tip-status look-ups past the limit whichever process gets them (10 + 10)", async () => {
    const url = "/api/v1/public/tips/status";
    const payload = { code: "T2222-2222", secret: "AAAAA-BBBBB-CCCCC-DDDDD" };
    const first = await statuses(other, 10, url, payload);
    const second = await statuses(t.app, 10, url, payload);
    expect(first).toEqual(Array(10).fill(404));
    expect(second).toEqual(Array(10).fill(429));
  });

  it("stores a salted hash of the address, never the address; the salt is sealed", async () => {
    const rows = await queryRows<{ key: string }>(t.database.db, sql`select key from rate_limit_hits`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).not.toContain("198.51.100");
      expect(key).toMatch(/\|[A-Za-z0-9_-]{43}$/);
    }
    const salts = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from rate_limit_salts`,
    );
    expect(salts[0]!.n).toBe(1);
  });

  it("counts one window per key, starts again when it ends, and sweeps ended windows", async () => {
    // Long enough that the first three hits fall in one window on a busy machine.
    const WINDOW_MS = 1_000;
    const Store = databaseRateLimitStore(t.database.db, { sweepMs: 0 });
    const store = new Store({}).child({ routeInfo: { method: "POST", url: "/x" } } as never);
    const incr = (key: string) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), WINDOW_MS, 2),
      );
    const a1 = await incr("k");
    const a2 = await incr("k");
    const b1 = await incr("other");
    expect([a1.current, a2.current, b1.current]).toEqual([1, 2, 1]);
    expect(a2.ttl).toBeGreaterThan(0);
    expect(a2.ttl).toBeLessThanOrEqual(WINDOW_MS);
    await new Promise((r) => setTimeout(r, WINDOW_MS + 50));
    // The next hit sweeps both ended windows first, then starts a new one for its key.
    expect((await incr("k")).current).toBe(1);
    const left = await queryRows<{ key: string }>(
      t.database.db,
      sql`select key from rate_limit_hits where key like 'POST /x|%'`,
    );
    expect(left.map((r) => r.key)).toEqual(["POST /x|k"]);
  });

  it("counts every hit of concurrent requests (one atomic upsert each)", async () => {
    const Store = databaseRateLimitStore(t.database.db);
    const store = new Store({}).child({ routeInfo: { method: "POST", url: "/y" } } as never);
    const incr = () =>
      new Promise<number>((resolve, reject) =>
        store.incr("same", (err, res) => (err ? reject(err) : resolve(res!.current)), 60_000, 100),
      );
    const counts = await Promise.all(Array.from({ length: 20 }, incr));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
