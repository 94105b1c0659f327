import type { ChangePasswordBody } from "@toandan/contracts";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { accounts, sessions } from "../../accounts/accounts.table";
import { hashPassword, verifyPassword } from "../password";
import { assertNewPassword } from "../password-policy";

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(db: Db, actor: Actor, body: ChangePasswordBody): Promise<void> {
  const [acc] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!acc || !(await verifyPassword(acc.passwordHash, body.currentPassword))) {
    throw validationFailed([{ path: "currentPassword", message: "Mật khẩu hiện tại không đúng" }]);
  }
  await assertNewPassword(
    db,
    body.newPassword,
    {
      username: actor.username,
      displayName: actor.displayName,
      unitNames: actor.roles.map((r) => r.orgUnitName),
    },
    "newPassword",
  );
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.accountId));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), ne(sessions.tokenHash, actor.sessionTokenHash)));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "auth.password_changed",
      entityType: "account",
      entityId: actor.accountId,
    });
  });
}
