import { LIMITS } from "@toandan/contracts";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { signedInAs, TEST_PASSWORD, unitByCode } from "../../test/factories";
import { accounts } from "../accounts/accounts.table";

// Counts the password checks made against a real account's hash (the timing dummy is checked
// inside password.ts and is not counted).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      checks.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

let t: TestContext;
let communeId: string;

beforeAll(async () => {
  t = await createTestContext();
  communeId = (await unitByCode(t.app.db, "commune", "31825")).id;
});
afterAll(() => t.close());
beforeEach(() => {
  checks.count = 0;
});

const attempt = (username: string, password: string) =>
  call(t.app, null, "POST", "/api/v1/auth/login", { username, password });

async function stored(username: string) {
  const [row] = await t.app.db
    .select({
      failedAttempts: accounts.failedAttempts,
      lockCount: accounts.lockCount,
      lockedUntil: accounts.lockedUntil,
    })
    .from(accounts)
    .where(eq(accounts.username, username));
  return row!;
}

describe("password hashes", () => {
  // This file runs in a worker of its own, without the integration project's per-file setup that
  // makes hashing cheap for the rest of the suite: what it stores is what a server stores.
  it("are argon2id at OWASP's minimums (19 MiB, two passes, one lane), salted per account", async () => {
    const a = await signedInAs(t.app, "viewer", communeId);
    const b = await signedInAs(t.app, "viewer", communeId);
    const hashes = await t.app.db
      .select({ hash: accounts.passwordHash })
      .from(accounts)
      .where(inArray(accounts.username, [a.username, b.username]));
    expect(hashes).toHaveLength(2);
    for (const { hash } of hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hashes[0]!.hash).not.toBe(hashes[1]!.hash);
  });
});

describe("lockout under concurrency", () => {
  it("50 parallel wrong passwords: at most loginMaxFailures are checked, the account locks once", async () => {
    const { username } = await signedInAs(t.app, "viewer", communeId);
    checks.count = 0;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(username, `wrong-password-${i}`)),
    );
    const checked = checks.count;
    console.info(`lockout: ${checked} of 50 parallel wrong passwords were checked`);
    expect(checked).toBe(LIMITS.loginMaxFailures);
    // Every answer is the same generic refusal.
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json().error.code).toBe("invalid_credentials");
    }
    const row = await stored(username);
    expect(row.lockCount).toBe(1);
    expect(row.failedAttempts).toBe(0);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LIMITS.loginLockMinutes - 1) * 60_000);

    // The right password afterwards is refused, without being checked, and says nothing more.
    checks.count = 0;
    const right = await attempt(username, TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe("invalid_credentials");
    expect(right.headers["retry-after"]).toBeUndefined();
    expect(checks.count).toBe(0);
  });

  it("four bursts of 10 check loginMaxFailures passwords in all (one lock)", async () => {
    const { username } = await signedInAs(t.app, "viewer", communeId);
    checks.count = 0;
    for (let burst = 0; burst < 4; burst++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(username, `bad-${burst}-${i}`)));
    }
    expect(checks.count).toBe(LIMITS.loginMaxFailures);
    expect((await stored(username)).lockCount).toBe(1);
  });

  it("a right password in a parallel burst of wrong ones signs in and resets the count", async () => {
    const { username } = await signedInAs(t.app, "viewer", communeId);
    const wrong = LIMITS.loginMaxFailures - 2;
    const answers = await Promise.all([
      ...Array.from({ length: wrong }, (_, i) => attempt(username, `nope-${i}`)),
      attempt(username, TEST_PASSWORD),
    ]);
    expect(answers.at(-1)!.statusCode).toBe(200);
    const row = await stored(username);
    expect(row.lockedUntil).toBeNull();
    expect(row.failedAttempts).toBeLessThanOrEqual(wrong);
  });
});
