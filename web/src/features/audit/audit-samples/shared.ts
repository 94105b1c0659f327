// What the audit samples share: record ids and the shape of a group's samples.
import type { AuditAction, AuditEventDataMap } from "@toandan/contracts";

export const ID = "3f2a9c1e-5b7d-4e2f-9a1b-0c4d6e8f1a2b";
export const ID2 = "7b1c2d3e-4f5a-4b6c-8d9e-0f1a2b3c4d5e";

/** Data as the server writes it, one per action of the group (group.updated is never written). */
export type SamplesOf<P extends string> = {
  [A in Exclude<Extract<AuditAction, P>, "group.updated">]: AuditEventDataMap[A];
};
