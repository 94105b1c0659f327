import { GROUP_TRANSITIONS, type GroupAbilities, type GroupStatus } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

/**
 * What the actor may do with a group now — the rules the commands enforce: group.manage over the
 * group's unit (its rollup path), rosters closed once dissolved, moves from the transition table.
 */
export function groupAbilities(actor: Actor, g: { rollupPath: string; status: string }): GroupAbilities {
  const manages = isInScope(actor, "group.manage", g.rollupPath);
  const moves: readonly GroupStatus[] = GROUP_TRANSITIONS[g.status as GroupStatus] ?? [];
  return { manage: manages && g.status !== "dissolved", moveTo: manages ? [...moves] : [] };
}

/** Whether the actor may register a group at the list's filter unit, or (unfiltered) somewhere. */
export function mayCreateGroup(
  actor: Actor,
  unit: { path: string; rollupPath: string } | undefined,
): boolean {
  if (!unit) return hasPermission(actor, "group.manage");
  return isInScope(actor, "group.manage", unit.path) || isInScope(actor, "group.manage", unit.rollupPath);
}
