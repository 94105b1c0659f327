// What a caller may do with a certification cycle, or from its lists: the same rules the commands
// enforce (the status allows the step AND the permission is held over the unit, at the step's level).
import type { CertificationCycleAbilities, CertificationStatus, Permission } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";
import { allowedSteps } from "./certification.rules";

/** Scans may be attached once the meeting is held and until the decision. */
export const UPLOAD_STATUSES: ReadonlySet<string> = new Set(["self_assessed", "reviewed", "appraised"]);

export function cycleAbilities(
  actor: Actor,
  r: { status: CertificationStatus; unitPath: string },
): CertificationCycleAbilities {
  const steps = allowedSteps(actor, r.status, r.unitPath);
  const selfAssesses = isInScope(actor, "certification.self_assess", r.unitPath);
  return {
    selfAssess: steps.includes("selfAssess"),
    review: steps.includes("review"),
    appraise: steps.includes("appraise"),
    decide: steps.includes("decide"),
    upload: UPLOAD_STATUSES.has(r.status) && selfAssesses,
    classify: selfAssesses,
  };
}

/** Whether the caller may create from a list: over the filter unit, or somewhere in scope. */
export function canCreateAt(actor: Actor, permission: Permission, unitPath: string | undefined): boolean {
  return unitPath === undefined ? hasPermission(actor, permission) : isInScope(actor, permission, unitPath);
}
