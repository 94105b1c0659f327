// Audit data schemas (see ../audit-data.ts): the privacy module — data-subject requests, breaches,
// consent texts and the impact-assessment dossier. Never the person's name, contact or identity.
import { z } from "zod";
import type { AuditAction } from "../audit";
import {
  ConsentPurposeSchema,
  DataCategorySchema,
  ProcessingExceptionSchema,
  SubjectRequestChannelSchema,
  SubjectRequestKindSchema,
  SubjectRequestOutcomeSchema,
} from "../privacy";
import { RecordActionSchema } from "../privacy-actions";
import { RestrictionSourceSchema } from "../privacy-restrictions";
import { count, NoData, text } from "./shared";

export const AUDIT_DATA_PRIVACY = {
  "privacy.request_created": z.object({
    kind: SubjectRequestKindSchema,
    channel: SubjectRequestChannelSchema,
    receivedAt: text,
    dueAt: text,
  }),
  /** The search across modules: how many records each module found. */
  "privacy.request_searched": z.object({ found: count, modules: z.record(z.string(), count) }),
  "privacy.request_answered": z.object({
    outcome: SubjectRequestOutcomeSchema,
    exceptions: z.array(ProcessingExceptionSchema),
    late: z.boolean(),
  }),
  "privacy.request_exported": z.object({ records: count }),
  "privacy.breach_recorded": z.object({
    detectedAt: text,
    categories: z.array(DataCategorySchema),
    peopleAffected: count,
  }),
  "privacy.breach_notified": z.object({ notifiedAt: text, late: z.boolean() }),
  "privacy.breach_notice_generated": NoData,
  "privacy.consent_text_created": z.object({ purpose: ConsentPurposeSchema, version: count }),
  "privacy.impact_assessment_exported": z.object({ activities: count }),
  /** A request carried out: the action asked of every record and how many were done or kept. */
  "privacy.request_executed": z.object({ action: RecordActionSchema, done: count, kept: count, none: count }),
  /** One record de-identified, restricted or corrected by a module for a request (never the values). */
  "privacy.record_erased": z.object({ requestId: text, module: text }),
  "privacy.record_restricted": z.object({ requestId: text, module: text }),
  "privacy.record_corrected": z.object({ requestId: text, module: text, fields: z.array(text) }),
  /** The officer listed the restricted records (withheld from everyone else), with the reason given. */
  "privacy.restrictions_read": z.object({ reason: text, records: count }),
  /** A restriction lifted by the officer, with the reason; the request that set it. */
  "privacy.restriction_lifted": z.object({ source: RestrictionSourceSchema, requestId: text, reason: text }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
