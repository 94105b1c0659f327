// What a caller may do from the nominations list: nominate (commendation.nominate held somewhere in
// scope; the list is not filtered by unit, and nominateCommendation checks the unit itself).
import type { ListAbilities } from "@toandan/contracts";
import { hasPermission, type Actor } from "../../kernel/authz";

export function commendationListAbilities(actor: Actor): ListAbilities {
  return { create: hasPermission(actor, "commendation.nominate") };
}
