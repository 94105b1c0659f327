import { createHash, randomBytes } from "node:crypto";
import { LIMITS, type BodyKind, type OrgUnitKind, type Role } from "@toandan/contracts";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { makeActor, type Actor } from "../../kernel/authz";
import { accounts, sessions } from "../accounts/accounts.table";

export const SESSION_COOKIE = "td_session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(tx: Db, accountId: string) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIMITS.sessionTtlHours * 3600_000);
  await tx.delete(sessions).where(and(eq(sessions.accountId, accountId), lt(sessions.expiresAt, new Date())));
  await tx.insert(sessions).values({ tokenHash: hashToken(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export type RoleRow = {
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgUnitKind;
  orgUnitPath: string;
  body: BodyKind;
};

export async function loadRoles(db: Db, accountId: string): Promise<RoleRow[]> {
  return queryRows<RoleRow>(
    db,
    sql`select r.role, r.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
          u.kind as "orgUnitKind", u.path as "orgUnitPath", r.body
        from account_roles r join org_units u on u.id = r.org_unit_id
        where r.account_id = ${accountId}
        order by u.depth, u.full_name, r.role`,
  );
}

/** Resolves a session cookie to an actor, or null when absent, expired or disabled. */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      locale: accounts.locale,
      disabledAt: accounts.disabledAt,
      csrfToken: sessions.csrfToken,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabledAt) return null;
  const roles = await loadRoles(db, row.accountId);
  return makeActor({
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale === "en" ? "en" : "vi",
    roles,
    sessionTokenHash: tokenHash,
    csrfToken: row.csrfToken,
  });
}
