// The data each audit action stores: one schema per action in AUDIT_ACTIONS, the exact shape its
// call sites write (server/src/**/recordEvent). The kernel's AuditEvent is typed by this map, so a
// call with the wrong data for its action does not compile; the web parses stored rows with it.
//
// What is stored is hashed into the chain: a schema here describes rows, it never rewrites them.
// Changing what a call site writes changes new rows only; the web falls back to the raw data for a
// row that does not parse.
//
// Never in audit data: tip or feedback content, a citizen's name, address or contact, an IP.
import { z } from "zod";
import type { AuditAction } from "./audit";
import { AUDIT_DATA_ADMIN } from "./audit-data/admin";
import { AUDIT_DATA_PLANS } from "./audit-data/plans";
import { AUDIT_DATA_ACTIVITIES } from "./audit-data/activities";
import { AUDIT_DATA_GROUPS } from "./audit-data/groups";
import { AUDIT_DATA_HOUSEHOLDS } from "./audit-data/households";
import { AUDIT_DATA_CERTIFICATION } from "./audit-data/certification";
import { AUDIT_DATA_CASES } from "./audit-data/cases";
import { AUDIT_DATA_CITIZENS } from "./audit-data/citizens";
import { AUDIT_DATA_PRIVACY } from "./audit-data/privacy";
import { AUDIT_DATA_RETENTION } from "./audit-data/retention";

export const AUDIT_EVENT_DATA = {
  ...AUDIT_DATA_ADMIN,
  ...AUDIT_DATA_PLANS,
  ...AUDIT_DATA_ACTIVITIES,
  ...AUDIT_DATA_GROUPS,
  ...AUDIT_DATA_HOUSEHOLDS,
  ...AUDIT_DATA_CERTIFICATION,
  ...AUDIT_DATA_CASES,
  ...AUDIT_DATA_CITIZENS,
  ...AUDIT_DATA_PRIVACY,
  ...AUDIT_DATA_RETENTION,
} as const satisfies Record<AuditAction, z.ZodType>;

/** The data stored with each action. */
export type AuditEventDataMap = {
  [A in AuditAction]: z.output<(typeof AUDIT_EVENT_DATA)[A]>;
};
export type AuditEventData<A extends AuditAction = AuditAction> = AuditEventDataMap[A];

// ---------- guard: nothing personal in the log ----------

/** Keys that would carry a citizen's identity, whereabouts or words, or where a request came from. */
type PersonalKey =
  | "address"
  | "headName"
  | "fullName"
  | "dateOfBirth"
  | "birthDate"
  | "identityNumber"
  | "phone"
  | "email"
  | "contact"
  | "ip"
  | "userAgent";
/** On tips and feedback, also their content. */
type CitizenContentKey = "description" | "place" | "body" | "answer" | "note" | "text" | "message";
/** The named keys of each member of T (an index signature, as in NoData, names none). */
type KeysOf<T> = T extends unknown ? keyof { [K in keyof T as string extends K ? never : K]: T[K] } : never;
type Offending = {
  [A in AuditAction]: KeysOf<AuditEventDataMap[A]> &
    (PersonalKey | (A extends `tip.${string}` | `feedback.${string}` ? CitizenContentKey : never));
}[AuditAction];
/** Fails to compile when an action's data names a personal key (the type shows which). */
export const AUDIT_DATA_HAS_NO_PERSONAL_KEYS: [Offending] extends [never] ? true : Offending = true;

// ---------- the stored event, typed ----------

/** Fields of a stored event as the API returns it (see AuditEventSchema), data typed per action. */
type AuditEventBase = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
};
export type TypedAuditEvent<A extends AuditAction = AuditAction> = {
  [K in A]: AuditEventBase & { action: K; data: AuditEventDataMap[K] };
}[A];

/** The event with its data parsed by its action's schema, or null when the stored data does not fit. */
export function parseAuditEvent(
  event: AuditEventBase & { action: AuditAction; data: unknown },
): TypedAuditEvent | null {
  const parsed = AUDIT_EVENT_DATA[event.action].safeParse(event.data);
  return parsed.success ? ({ ...event, data: parsed.data } as TypedAuditEvent) : null;
}
