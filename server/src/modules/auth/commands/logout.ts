import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { sessions } from "../../accounts/accounts.table";

/** Ends the caller's session (every process sees it on its next request: the sessions version). */
export async function logout(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, actor.sessionTokenHash));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "auth.logout",
      entityType: "account",
      entityId: actor.accountId,
    });
  });
}
