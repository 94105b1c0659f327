import { HOTSPOT_TRANSITIONS, nextStatuses, type HotspotAbilities } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

/** What the actor may do with the area now: the same rules the status and evidence commands enforce. */
export function hotspotAbilities(actor: Actor, h: { status: string; rollupPath: string }): HotspotAbilities {
  const manages = isInScope(actor, "hotspot.manage", h.rollupPath);
  return {
    changeStatus: manages && nextStatuses(HOTSPOT_TRANSITIONS, h.status).length > 0,
    recordEvidence: manages && h.status !== "removed",
  };
}

/** Designating needs hotspot.manage somewhere (the unit is checked when designating). */
export const canDesignateHotspot = (actor: Actor) => hasPermission(actor, "hotspot.manage");
