import type { UpdateAccountBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { assertNewPassword, hashPassword } from "../../auth";
import { getAccount } from "../accounts.queries";
import { accountRoles, accounts, sessions } from "../accounts.table";
import { checkGrants } from "./grant-check";

/** Renames, disables or enables, resets the password, unlocks or re-grants roles of an account. */
export async function updateAccount(db: Db, actor: Actor, id: string, body: UpdateAccountBody) {
  const account = await getAccount(db, actor, id, "account.update");
  if (body.roles) await checkGrants(db, actor, body.roles);
  if (id === actor.accountId && body.disabled) {
    throw validationFailed([{ path: "disabled", message: "Không thể tự vô hiệu hóa tài khoản của mình" }]);
  }
  if (body.password) {
    await assertNewPassword(db, body.password, {
      username: account.username,
      displayName: body.displayName ?? account.displayName,
      unitNames: account.roles.map((r) => r.orgUnitName),
      orgUnitIds: body.roles?.map((r) => r.orgUnitId),
    });
  }
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  await db.transaction(async (tx) => {
    const set: Partial<typeof accounts.$inferInsert> = {};
    if (body.displayName) set.displayName = body.displayName;
    if (body.disabled !== undefined) set.disabledAt = body.disabled ? new Date() : null;
    if (passwordHash) set.passwordHash = passwordHash;
    if (body.unlock) Object.assign(set, { lockedUntil: null, failedAttempts: 0, lockCount: 0 });
    if (Object.keys(set).length) await tx.update(accounts).set(set).where(eq(accounts.id, id));
    if (body.roles) {
      await tx.delete(accountRoles).where(eq(accountRoles.accountId, id));
      await tx.insert(accountRoles).values(body.roles.map((r) => ({ accountId: id, ...r })));
    }
    if (body.disabled || passwordHash || body.roles) {
      await tx.delete(sessions).where(eq(sessions.accountId, id));
    }
    const { password: _pw, ...logged } = body;
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "account.updated",
      entityType: "account",
      entityId: id,
      data: { ...logged, passwordReset: Boolean(passwordHash) },
    });
  });
}
