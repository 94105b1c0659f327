import { LIMITS, type LoginBody, clockNow } from "@toandan/contracts";
import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { AppError } from "../../../kernel/errors";
import { accounts } from "../../accounts/accounts.table";
import { verifyAgainstDummy, verifyPassword } from "../password";
import { createSession } from "../sessions";

/**
 * Password sign-in with back-off: after `loginMaxFailures` wrong passwords the account is locked,
 * first for `loginLockMinutes`, doubling with each further lock until an admin unlocks it or a
 * sign-in succeeds.
 *
 * Safe under concurrency on both engines: every check first *reserves* an attempt with one
 * atomic `UPDATE … SET failed_attempts = failed_attempts + 1 … WHERE failed_attempts < max
 * RETURNING`, so however many requests arrive at once, at most `loginMaxFailures` passwords are
 * checked before the lock holds. A wrong password keeps its reservation (it is the failure); a
 * right one resets the count.
 *
 * A stranger learns nothing: an unknown username, a wrong password and a locked account (even
 * with the right password) all answer the same 401 `invalid_credentials`, after the same argon2
 * work, with no `Retry-After`. Only the right password of a disabled account answers
 * `account_disabled` — whoever sees it already knows the password.
 */
export async function login(db: Db, body: LoginBody, now = clockNow()) {
  const username = body.username.toLowerCase();
  const acc = await reserveAttempt(db, username, now);
  if (!acc) {
    await verifyAgainstDummy(body.password);
    throw new AppError("invalid_credentials");
  }
  const ok = await verifyPassword(acc.passwordHash, body.password);
  if (!ok) {
    await recordFailure(db, acc.id, acc.failedAttempts, acc.lockCount, now);
    throw new AppError("invalid_credentials");
  }
  if (acc.disabledAt) throw new AppError("account_disabled");
  const signedIn = await db.transaction(async (tx) => {
    // A lock set by a parallel failure while this password was being checked still holds.
    const [reset] = await tx
      .update(accounts)
      .set({ failedAttempts: 0, lockCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(accounts.id, acc.id), notLocked(now)))
      .returning({ id: accounts.id });
    if (!reset) return null;
    const session = await createSession(tx, acc.id);
    await recordEvent(tx, {
      actorId: acc.id,
      action: "auth.login",
      entityType: "account",
      entityId: acc.id,
    });
    return { accountId: acc.id, ...session };
  });
  if (!signedIn) throw new AppError("invalid_credentials");
  return signedIn;
}

const notLocked = (now: Date) => or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now));

/**
 * Takes one of the account's remaining attempts in one statement, or none: undefined for an
 * unknown username, a locked account, or one whose attempts are all taken by checks in flight.
 */
async function reserveAttempt(db: Db, username: string, now: Date) {
  const [row] = await db
    .update(accounts)
    .set({ failedAttempts: sql`${accounts.failedAttempts} + 1` })
    .where(
      and(
        eq(accounts.username, username),
        notLocked(now),
        sql`${accounts.failedAttempts} < ${LIMITS.loginMaxFailures}`,
      ),
    )
    .returning({
      id: accounts.id,
      passwordHash: accounts.passwordHash,
      disabledAt: accounts.disabledAt,
      failedAttempts: accounts.failedAttempts,
      lockCount: accounts.lockCount,
    });
  return row;
}

/**
 * The reservation already counted this failure. The failure that finds the count at the limit
 * locks the account, in one statement that also resets the count, so a burst locks it once.
 */
async function recordFailure(db: Db, accountId: string, failures: number, lockCount: number, now: Date) {
  await db.transaction(async (tx) => {
    const minutes = LIMITS.loginLockMinutes * 2 ** Math.min(lockCount, 6);
    const [locked] = await tx
      .update(accounts)
      .set({
        failedAttempts: 0,
        lockCount: sql`${accounts.lockCount} + 1`,
        lockedUntil: new Date(now.getTime() + minutes * 60_000),
      })
      .where(
        and(
          eq(accounts.id, accountId),
          notLocked(now),
          gte(accounts.failedAttempts, LIMITS.loginMaxFailures),
        ),
      )
      .returning({ lockCount: accounts.lockCount });
    if (locked) {
      await recordEvent(tx, {
        actorId: null,
        action: "auth.locked",
        entityType: "account",
        entityId: accountId,
        data: { minutes },
      });
      return;
    }
    await recordEvent(tx, {
      actorId: null,
      action: "auth.login_failed",
      entityType: "account",
      entityId: accountId,
      data: { failures },
    });
  });
}
