import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "@toandan/contracts";

/** The roles holding any of the permissions: who may read a kind of data, from the permissions table. */
export const rolesWith = (...permissions: Permission[]): Role[] =>
  ROLES.filter((r) => permissions.some((p) => (ROLE_PERMISSIONS[r] as readonly Permission[]).includes(p)));
