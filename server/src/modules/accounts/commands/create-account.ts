import type { CreateAccountBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import { assertNewPassword, hashPassword } from "../../auth";
import { accountRoles, accounts } from "../accounts.table";
import { checkGrants } from "./grant-check";

export async function createAccount(
  db: Db,
  actor: Actor | null,
  body: CreateAccountBody,
  opts: { isDemo?: boolean } = {},
): Promise<string> {
  if (actor) await checkGrants(db, actor, body.roles);
  const username = body.username.toLowerCase();
  const [existing] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username));
  if (existing) throw conflict("Tên đăng nhập đã tồn tại");
  if (opts.isDemo) {
    // The demo seed's shared, published password is for demo accounts only, never in production.
    if (process.env.NODE_ENV === "production") throw new Error("Demo accounts are refused in production.");
  } else {
    await assertNewPassword(db, body.password, {
      username,
      displayName: body.displayName,
      orgUnitIds: body.roles.map((r) => r.orgUnitId),
    });
  }
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({ username, displayName: body.displayName, passwordHash, isDemo: opts.isDemo ?? false })
      .returning({ id: accounts.id });
    const id = row!.id;
    await tx.insert(accountRoles).values(body.roles.map((r) => ({ accountId: id, ...r })));
    await recordEvent(tx, {
      actorId: actor?.accountId ?? null,
      action: "account.created",
      entityType: "account",
      entityId: id,
      orgUnitId: body.roles[0]!.orgUnitId,
      data: { username, roles: body.roles, isDemo: opts.isDemo ?? false },
    });
    return id;
  });
}
