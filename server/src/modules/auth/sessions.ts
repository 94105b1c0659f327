import { createHash, randomBytes } from "node:crypto";
import { LIMITS, type BodyKind, type OrgUnitKind, type Role } from "@toandan/contracts";
import { and, eq, lt, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { makeActor, type Actor } from "../../kernel/authz";
import { VersionedCache } from "../../kernel/cache-version";
import { sessions } from "../accounts/accounts.table";
import { ORG_UNITS_CACHE } from "../org-units";

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

type SessionRow = {
  accountId: string;
  username: string;
  displayName: string;
  locale: string;
  disabled: boolean;
  csrfToken: string;
  expiresAt: string;
  roles: RoleRow[];
};

/** What a session resolves to, and until when: null for no usable session. */
type Resolved = { actor: Actor; expiresAt: number } | null;

/**
 * The actors of the sessions in use, per process. Triggers bump the cache's version whenever a
 * session, an account, a role or a unit changes (migration 0053_session_cache_version), so a
 * sign-out, a password change, a disabled account or a withdrawn role is seen by every process on
 * its next request; an entry also lapses at the session's own expiry and after a minute. It also
 * depends on the `org-units` version, so that what the org-units module keeps with an actor (the
 * units and bodies its writes name, places.ts) is dropped with it whenever a unit or body changes.
 * Both versions are read in one statement, shared by the requests of one turn (kernel/cache-version.ts).
 */
const resolved = new VersionedCache<Resolved>("sessions", {
  ttlMs: 60_000,
  maxEntries: 10_000,
  alsoNames: [ORG_UNITS_CACHE],
  owner: (r) => r?.actor,
});

/**
 * Resolves a session cookie to an actor, or null when absent, expired or disabled. One query
 * (session, account and roles together) when the process has not resolved it since the last change
 * (above); else only the cache's version is read (PostgreSQL) or nothing at all (PGlite).
 */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  let found = await resolved.get(db, tokenHash, () => loadActor(db, tokenHash));
  if (found && found.expiresAt <= Date.now()) {
    found = await loadActor(db, tokenHash);
    resolved.set(tokenHash, found);
  }
  return found?.actor ?? null;
}

async function loadActor(db: Db, tokenHash: string): Promise<Resolved> {
  const [row] = await queryRows<SessionRow>(
    db,
    sql`select a.id as "accountId", a.username, a.display_name as "displayName", a.locale,
          a.disabled_at is not null as disabled, s.csrf_token as "csrfToken",
          to_char(s.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "expiresAt",
          coalesce((select json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id,
                      'orgUnitName', u.full_name, 'orgUnitKind', u.kind, 'orgUnitPath', u.path,
                      'body', r.body) order by u.depth, u.full_name, r.role)
                    from account_roles r join org_units u on u.id = r.org_unit_id
                    where r.account_id = a.id), '[]'::json) as roles
        from sessions s join accounts a on a.id = s.account_id
        where s.token_hash = ${tokenHash} and s.expires_at > now()`,
  );
  if (!row || row.disabled) return null;
  const actor = makeActor({
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale === "en" ? "en" : "vi",
    roles: row.roles,
    sessionTokenHash: tokenHash,
    csrfToken: row.csrfToken,
  });
  // Shared by every request of the session while cached: nothing may change it.
  Object.freeze(actor.roles);
  return { actor: Object.freeze(actor), expiresAt: Date.parse(row.expiresAt) };
}
