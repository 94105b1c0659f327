import {
  permissionsOf,
  roleHasPermission,
  type BodyKind,
  type OrgUnitKind,
  type Permission,
  type Role,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { forbidden } from "./errors";

export type ActorRole = {
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgUnitKind;
  /** Materialised path of the unit the role is held at; its subtree is the role's scope. */
  orgUnitPath: string;
  body: BodyKind;
};

export type Actor = {
  accountId: string;
  username: string;
  displayName: string;
  locale: "vi" | "en";
  roles: ActorRole[];
  permissions: Set<Permission>;
  sessionTokenHash: string;
  csrfToken: string;
};

export function makeActor(base: Omit<Actor, "permissions">): Actor {
  return { ...base, permissions: permissionsOf(base.roles.map((r) => r.role)) };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Throws 403 unless the actor holds the permission somewhere. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw forbidden();
}

/** Path prefixes of the subtrees in which the actor holds `permission`. */
export function scopePrefixes(actor: Actor, permission: Permission): string[] {
  const prefixes = actor.roles.filter((r) => roleHasPermission(r.role, permission)).map((r) => r.orgUnitPath);
  // Drop prefixes covered by a shorter one.
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}

/**
 * `scopePrefixes(actor, permission).some((p) => unitPath.startsWith(p))`, without building the
 * list: a prefix dropped there is covered by a shorter one, so testing every grant gives the same.
 */
export function isInScope(actor: Actor, permission: Permission, unitPath: string): boolean {
  for (const r of actor.roles) {
    if (unitPath.startsWith(r.orgUnitPath) && roleHasPermission(r.role, permission)) return true;
  }
  return false;
}

/** SQL predicate: `pathColumn` lies inside one of the actor's subtrees for `permission`. */
export function pathInScope(actor: Actor, permission: Permission, pathColumn: SQL): SQL {
  const prefixes = scopePrefixes(actor, permission);
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}
