import { ROLE_PERMISSIONS, type CurrentUser, type Permission } from "@toandan/contracts";

/** The user holds `permission` somewhere (navigation, page access). */
export function can(user: CurrentUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/**
 * The user holds `permission` through a role at one of `unitIds` (a unit and its ancestors):
 * the same subtree rule the server applies, used only to hide buttons the server would refuse.
 */
export function canAt(user: CurrentUser, permission: Permission, unitIds: readonly string[]): boolean {
  return user.roles.some(
    (r) =>
      unitIds.includes(r.orgUnitId) &&
      (ROLE_PERMISSIONS[r.role] as readonly Permission[]).includes(permission),
  );
}
