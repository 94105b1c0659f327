// Audit events for the audit page's tests: data as the server writes it, one per action
// (group.updated is never written), composed from one file per group of modules.
import type { AuditAction, AuditEventDataMap } from "@toandan/contracts";
import { SAMPLES_ADMIN } from "./admin";
import { SAMPLES_PLANS } from "./plans";
import { SAMPLES_ACTIVITIES } from "./activities";
import { SAMPLES_GROUPS } from "./groups";
import { SAMPLES_HOUSEHOLDS } from "./households";
import { SAMPLES_CERTIFICATION } from "./certification";
import { SAMPLES_CASES } from "./cases";
import { SAMPLES_CITIZENS } from "./citizens";
import { SAMPLES_PRIVACY } from "./privacy";
import { SAMPLES_RETENTION } from "./retention";
import { i18n } from "../../../app/i18n";
import { SUMMARY_NAMESPACES, type SummaryContext } from "../audit-summary";
import { ID } from "./shared";
export { ID, ID2 } from "./shared";

/** Data as the server writes it, one per action (group.updated is never written). */
export const SAMPLES = {
  ...SAMPLES_ADMIN,
  ...SAMPLES_PLANS,
  ...SAMPLES_ACTIVITIES,
  ...SAMPLES_GROUPS,
  ...SAMPLES_HOUSEHOLDS,
  ...SAMPLES_CERTIFICATION,
  ...SAMPLES_CASES,
  ...SAMPLES_CITIZENS,
  ...SAMPLES_PRIVACY,
  ...SAMPLES_RETENTION,
} satisfies {
  [A in Exclude<AuditAction, "group.updated">]: AuditEventDataMap[A];
};

export function eventOf(action: AuditAction, data: Record<string, unknown>) {
  return {
    id: 1,
    occurredAt: "2026-03-02T01:00:00.000Z",
    actorId: null,
    actorUsername: null,
    actorDisplayName: null,
    action,
    entityType: "household_commitment",
    entityId: ID,
    orgUnitId: null,
    data,
  };
}

export async function contextIn(lang: "vi" | "en"): Promise<SummaryContext> {
  await i18n.changeLanguage(lang);
  return { t: i18n.getFixedT(lang, [...SUMMARY_NAMESPACES]), lang };
}
