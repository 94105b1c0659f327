import { z } from "zod";
import { PageQuerySchema, pageOf } from "../common";

/** Audit event types. Changing one may need a migration of stored rows. */
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.login_failed",
  "auth.locked",
  "auth.password_changed",
  "org_unit.created",
  "org_unit.imported",
  "account.created",
  "account.updated",
  "system.units_imported",
  "system.demo_seeded",
  "plan.created",
  "plan.updated",
  "activity.created",
  "activity.updated",
  "activity.deleted",
  "group.created",
  "group.updated",
  "group.status_changed",
  "group.member_added",
  "group.member_left",
  "group.surveyed",
  "group.evaluated",
  "household.created",
  "household.updated",
  "household.imported",
  "commitment.recorded",
  "commitment.scan_attached",
  "tip.triaged",
  "tip.message_sent",
  "tip.outcome_recorded",
  "tip.extended",
  "tip.content_read",
  "feedback.answered",
  "news.created",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: AuditActionSchema,
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const AuditPageSchema = pageOf(AuditEventSchema);
export const ListAuditQuerySchema = PageQuerySchema.extend({
  action: AuditActionSchema.optional(),
});
export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
