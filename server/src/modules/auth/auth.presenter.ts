import type { CurrentUser } from "@toandan/contracts";
import type { Actor } from "../../kernel/authz";

export function presentCurrentUser(actor: Actor): CurrentUser {
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    roles: actor.roles.map(({ orgUnitPath: _p, ...r }) => r),
    permissions: [...actor.permissions].sort(),
  };
}
