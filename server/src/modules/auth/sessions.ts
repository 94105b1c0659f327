import { createHash, randomBytes } from "node:crypto";
import { LIMITS, type BodyKind, type OrgUnitKind, type Role } from "@toandan/contracts";
import { and, eq, lt, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { makeActor, type Actor } from "../../kernel/authz";
import { sessions } from "../accounts/accounts.table";

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

/**
 * Resolves a session cookie to an actor, or null when absent, expired or disabled. One query
 * (session, account and roles together): it runs before every API request.
 */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await queryRows<{
    accountId: string;
    username: string;
    displayName: string;
    locale: string;
    disabled: boolean;
    csrfToken: string;
    roles: RoleRow[];
  }>(
    db,
    sql`select a.id as "accountId", a.username, a.display_name as "displayName", a.locale,
          a.disabled_at is not null as disabled, s.csrf_token as "csrfToken",
          coalesce((select json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id,
                      'orgUnitName', u.full_name, 'orgUnitKind', u.kind, 'orgUnitPath', u.path,
                      'body', r.body) order by u.depth, u.full_name, r.role)
                    from account_roles r join org_units u on u.id = r.org_unit_id
                    where r.account_id = a.id), '[]'::json) as roles
        from sessions s join accounts a on a.id = s.account_id
        where s.token_hash = ${tokenHash} and s.expires_at > now()`,
  );
  if (!row || row.disabled) return null;
  return makeActor({
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale === "en" ? "en" : "vi",
    roles: row.roles,
    sessionTokenHash: tokenHash,
    csrfToken: row.csrfToken,
  });
}
