import type { PilotStage } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

/**
 * Pilots are part of the work on models: reading them needs group.read, designating, evaluating and
 * recording replication need group.manage over the pilot's unit.
 */
export const pilotAbilities = (actor: Actor, p: { rollupPath: string }) => ({
  manage: isInScope(actor, "group.manage", p.rollupPath),
});

export const mayDesignatePilot = (actor: Actor) => hasPermission(actor, "group.manage");

/** A commune or ward (current or before the 2025 reform) or a residential area may be a pilot. */
export const PILOT_UNIT_KINDS: readonly string[] = ["commune", "residential_area"];

/** Where a pilot stands, from its records. */
export function pilotStage(evaluations: number, replications: number): PilotStage {
  if (replications > 0) return "replicated";
  return evaluations > 0 ? "evaluated" : "designated";
}
