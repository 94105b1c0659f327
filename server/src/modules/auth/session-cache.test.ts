import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { cacheVersion } from "../../kernel/cache-version";
import { signedInAs, TEST_PASSWORD } from "../../test/factories";
import {
  call,
  createTestContext,
  login,
  secondApp,
  type Session,
  type TestContext,
} from "../../test/harness";

/**
 * Each app process caches the actor of a session (sessions.ts); a second app (secondApp: fresh
 * modules on the same database) has a cache of its own, as another process would. Whatever revokes or
 * changes a session through one process, or straight in the database, is seen by the other on its
 * very next request.
 */
let t: TestContext;
let other: FastifyInstance;
let communeId: string;

beforeAll(async () => {
  t = await createTestContext({}, { sharedState: true });
  other = await secondApp(t);
  const [commune] = await queryRows<{ id: string }>(
    t.app.db,
    sql`select id from org_units where kind = 'commune' and valid_to is null order by code limit 1`,
  );
  communeId = commune!.id;
}, 300_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

/** Both processes have the session cached: each has answered it once. */
async function onBoth(s: Session, url = "/api/v1/auth/me"): Promise<number[]> {
  return [(await call(t.app, s, "GET", url)).statusCode, (await call(other, s, "GET", url)).statusCode];
}

describe("the session cache of each process", () => {
  it("a sign-out through one process ends the session on the other at once", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    expect(await onBoth(s)).toEqual([200, 200]);
    expect((await call(t.app, s, "POST", "/api/v1/auth/logout")).statusCode).toBe(200);
    expect(await onBoth(s)).toEqual([401, 401]);
  });

  it("a withdrawn role, a disabled account and an expired session are seen at once", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    expect(await onBoth(s, "/api/v1/activities")).toEqual([200, 200]);
    await t.app.db.execute(sql`delete from account_roles where account_id = ${s.accountId}`);
    expect(await onBoth(s, "/api/v1/activities")).toEqual([403, 403]);
    await t.app.db.execute(sql`update accounts set disabled_at = now() where id = ${s.accountId}`);
    expect(await onBoth(s)).toEqual([401, 401]);

    const e = await signedInAs(t.app, "commune_front", communeId);
    expect(await onBoth(e)).toEqual([200, 200]);
    await t.app.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where account_id = ${e.accountId}`,
    );
    expect(await onBoth(e)).toEqual([401, 401]);
  });

  it("a renamed unit is the actor's new unit name on both", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    const name = async (app: FastifyInstance) =>
      (await call(app, s, "GET", "/api/v1/auth/me")).json<{ user: { roles: { orgUnitName: string }[] } }>()
        .user.roles[0]?.orgUnitName;
    const before = await name(other);
    expect(before).toBeTruthy();
    expect(await name(t.app)).toBe(before);
    await t.app.db.execute(
      sql`update org_units set full_name = full_name || ' (mới)' where id = ${communeId}`,
    );
    expect(await name(other)).toBe(`${before} (mới)`);
    expect(await name(t.app)).toBe(`${before} (mới)`);
  });

  it("a sign-in that removes no session leaves every other session cached", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    expect(await onBoth(s)).toEqual([200, 200]);
    const before = await cacheVersion(t.app.db, "sessions");
    await login(t.app, s.username, TEST_PASSWORD);
    expect(await cacheVersion(t.app.db, "sessions")).toBe(before);
  });
});
