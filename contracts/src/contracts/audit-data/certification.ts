// Audit data schemas (see ../audit-data.ts): the yearly certification of units, its events, criteria and history.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import {
  AppraiseBodySchema,
  CertificationStatusSchema,
  CertificationUnitTypeSchema,
  DisqualifyingEventKindSchema,
  DossierKindSchema,
  EventSeveritySchema,
  MovementLevelSchema,
  RegisterCertificationBodySchema,
  SelfAssessmentBodySchema,
} from "../certification";
import { DisciplineLevelSchema } from "../certification-criteria";
import { count, text, UploadTypeSchema, fromTo } from "./shared";

export const AUDIT_DATA_CERTIFICATION = {
  "certification.registered": RegisterCertificationBodySchema.extend({
    unitType: CertificationUnitTypeSchema,
  }),
  "certification.self_assessed": SelfAssessmentBodySchema.extend({
    ...fromTo(CertificationStatusSchema),
    figuresSource: text.nullable(),
  }),
  /** Counts only: the attendees' names and the minutes stay in the cycle. */
  "certification.reviewed": z.object({
    ...fromTo(CertificationStatusSchema),
    meetingDate: IsoDateSchema,
    attendees: count,
    votesFor: count,
    votesTotal: count,
  }),
  "certification.appraised": AppraiseBodySchema.extend(fromTo(CertificationStatusSchema)),
  "certification.decided": z.object({
    ...fromTo(CertificationStatusSchema),
    outcome: z.enum(["recognised", "not_recognised"]),
    decisionNumber: text,
    decisionDate: IsoDateSchema,
    late: z.boolean(),
    lateReason: text.nullable(),
  }),
  "certification.document_uploaded": z.object({
    kind: DossierKindSchema,
    type: UploadTypeSchema,
    bytes: count,
  }),
  "certification.classified": z.object({
    sheetCode: text,
    scores: z.record(z.string(), z.number()),
    total: z.number(),
    level: MovementLevelSchema,
  }),
  /** The event's description stays in the register. */
  "certification.event_recorded": z.object({
    kind: DisqualifyingEventKindSchema,
    occurredOn: IsoDateSchema,
    severity: EventSeveritySchema,
    forceMajeure: z.boolean(),
    reportedPromptly: z.boolean(),
    disciplineLevel: DisciplineLevelSchema.nullable().optional(),
  }),
  /** entityType certification_criteria_version: a province's new version (Circular 124/2021 Art. 8.1). */
  "certification.criteria_updated": z.object({
    provinceId: IdSchema,
    effectiveFrom: IsoDateSchema,
    basis: text,
    extraCriteria: z.array(z.object({ unitType: CertificationUnitTypeSchema, code: text, article: text })),
    authorities: z.array(
      z.object({
        unitType: CertificationUnitTypeSchema,
        recognisingAuthority: text,
        authorityVerified: z.boolean(),
      }),
    ),
  }),
  /** entityType certification_history: a past year's result at a (pre-reform) unit. */
  "certification.history_recorded": z.object({
    year: count,
    unitType: CertificationUnitTypeSchema,
    certified: z.boolean(),
    decisionNumber: text.nullable(),
    decisionDate: IsoDateSchema.nullable(),
    decisionAuthority: text.nullable(),
  }),
  /** Counts only; each row is in the history table. */
  "certification.history_imported": z.object({ created: count, certified: count, years: z.array(count) }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
