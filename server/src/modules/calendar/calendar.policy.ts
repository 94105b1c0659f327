import { permissionsOf } from "@toandan/contracts";
import type { Actor } from "../../kernel/authz";

/**
 * Only a national system administrator changes the holidays table: the permission held through a
 * grant at the country unit (a role held lower down never changes the whole country's clocks).
 */
export function managesCalendar(actor: Actor): boolean {
  return actor.roles.some(
    (r) => r.orgUnitKind === "country" && permissionsOf([r.role]).has("calendar.manage"),
  );
}
