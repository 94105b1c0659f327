import type { CommitteeAbilities } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

/** What the actor may do with the committee: manage it when committee.manage covers its unit. */
export function committeeAbilities(actor: Actor, c: { rollupPath: string }): CommitteeAbilities {
  return { manage: isInScope(actor, "committee.manage", c.rollupPath) };
}

/** Creating needs committee.manage somewhere (the unit is checked when creating). */
export const canCreateCommittee = (actor: Actor) => hasPermission(actor, "committee.manage");

/** A committee is set up at a current commune or province. */
export const COMMITTEE_UNIT_KINDS: readonly string[] = ["commune", "province"];
