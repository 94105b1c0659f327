import type { BodyKind, Permission } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";
import { forbidden } from "../../kernel/errors";
import { memberOrgLimit } from "../activities";

type PartnershipLike = { rollupPath: string; ownerBodyKind: string };

/**
 * Media partnerships are recorded like activities: the activity permission over the unit, and a
 * member-organisation cadre only for its own organisation's partnerships.
 */
export function mayRecordMedia(actor: Actor, permission: Permission, p: PartnershipLike): boolean {
  if (!isInScope(actor, permission, p.rollupPath)) return false;
  const limit = memberOrgLimit(actor, permission, p.rollupPath);
  return !limit || limit.has(p.ownerBodyKind as BodyKind);
}

/** 403 unless the actor may record for this owner body (scope itself is checked by the loaders). */
export function assertMayRecordMedia(actor: Actor, permission: Permission, p: PartnershipLike): void {
  if (!mayRecordMedia(actor, permission, p)) {
    throw forbidden("Cán bộ hội, đoàn thể chỉ ghi việc phối hợp báo chí của tổ chức mình.");
  }
}

export const mediaAbilities = (actor: Actor, p: PartnershipLike) => ({
  edit: mayRecordMedia(actor, "activity.update", p),
  addItem: mayRecordMedia(actor, "activity.create", p),
});

export const mayCreateMedia = (actor: Actor) => hasPermission(actor, "activity.create");
