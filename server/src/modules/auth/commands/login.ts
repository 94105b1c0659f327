import { LIMITS, type LoginBody, clockNow } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
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
 */
export async function login(db: Db, body: LoginBody, now = clockNow()) {
  const username = body.username.toLowerCase();
  const [acc] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!acc) {
    await verifyAgainstDummy(body.password);
    throw new AppError("invalid_credentials");
  }
  if (acc.lockedUntil && acc.lockedUntil > now) {
    const seconds = Math.ceil((acc.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError("account_locked", undefined, { headers: { "retry-after": String(seconds) } });
  }
  const ok = await verifyPassword(acc.passwordHash, body.password);
  if (!ok) {
    await recordFailure(db, acc.id, acc.failedAttempts + 1, acc.lockCount, now);
    throw new AppError("invalid_credentials");
  }
  if (acc.disabledAt) throw new AppError("account_disabled");
  return db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ failedAttempts: 0, lockCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(accounts.id, acc.id));
    const session = await createSession(tx, acc.id);
    await recordEvent(tx, {
      actorId: acc.id,
      action: "auth.login",
      entityType: "account",
      entityId: acc.id,
    });
    return { accountId: acc.id, ...session };
  });
}

async function recordFailure(db: Db, accountId: string, failures: number, lockCount: number, now: Date) {
  await db.transaction(async (tx) => {
    if (failures >= LIMITS.loginMaxFailures) {
      const minutes = LIMITS.loginLockMinutes * 2 ** Math.min(lockCount, 6);
      const lockedUntil = new Date(now.getTime() + minutes * 60_000);
      await tx
        .update(accounts)
        .set({ failedAttempts: 0, lockCount: sql`${accounts.lockCount} + 1`, lockedUntil })
        .where(eq(accounts.id, accountId));
      await recordEvent(tx, {
        actorId: null,
        action: "auth.locked",
        entityType: "account",
        entityId: accountId,
        data: { minutes },
      });
      return;
    }
    await tx.update(accounts).set({ failedAttempts: failures }).where(eq(accounts.id, accountId));
    await recordEvent(tx, {
      actorId: null,
      action: "auth.login_failed",
      entityType: "account",
      entityId: accountId,
      data: { failures },
    });
  });
}
