// Certification cycles as read: the cycle, its evidence drawn from the records, the overview of a
// unit's children, the history and the certificate anyone can verify.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf, pageWithAbilitiesOf } from "../common";
import {
  CertificationUnitTypeSchema,
  CertificationStatusSchema,
  MovementLevelSchema,
  DossierKindSchema,
  CriterionAnswerSchema,
  ReviewMeetingBodySchema,
  AppraiseBodySchema,
  DecideBodySchema,
} from "./certification";
import { DisqualifyingEventSchema, MovementClassificationSchema } from "./certification-events";
import { CERTIFICATION_HISTORY_YEARS } from "./certification-history";

const year = z.coerce.number().int().min(2022).max(2100);
// ---------- cycles ----------

export const CertificationDocumentSchema = z.object({
  kind: DossierKindSchema,
  /** A signed scan was uploaded. */
  uploaded: z.boolean(),
  uploadedAt: z.string().nullable(),
});

export const CertificationCycleSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  unitType: CertificationUnitTypeSchema,
  year: z.number().int(),
  status: CertificationStatusSchema,
  criteriaVersion: z.string(),
  registeredOn: IsoDateSchema,
  windowFrom: IsoDateSchema,
  windowTo: IsoDateSchema,
  decisionDeadline: IsoDateSchema,
  /** Days until the decision deadline (negative: overdue); null once decided. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  recognisingAuthority: z.string(),
  authorityVerified: z.boolean(),
  decisionNumber: z.string().nullable(),
  decisionDate: IsoDateSchema.nullable(),
});
export type CertificationCycle = z.infer<typeof CertificationCycleSchema>;
/** A page of cycles; `can.create`: the caller may register a unit (the filter unit, or one in scope). */
export const CertificationCyclePageSchema = pageWithAbilitiesOf(CertificationCycleSchema);
export const ListCertificationCyclesQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  year: year.optional(),
  status: CertificationStatusSchema.optional(),
  unitType: CertificationUnitTypeSchema.optional(),
});

/** What the caller may do with the cycle now (the server's rules; the UI only hides what would be refused). */
export const CertificationCycleAbilitiesSchema = z.object({
  /** Self-assess (or correct it): registered or self-assessed, certification.self_assess over the unit. */
  selfAssess: z.boolean(),
  /** Record the review meeting: self-assessed, certification.self_assess over the unit. */
  review: z.boolean(),
  /** Appraise: reviewed, certification.appraise held strictly above the unit. */
  appraise: z.boolean(),
  /** Decide: appraised, certification.decide held strictly above the unit. */
  decide: z.boolean(),
  /** Attach signed scans: self-assessed, reviewed or appraised, certification.self_assess over the unit. */
  upload: z.boolean(),
  /** Score the movement on a scoring sheet: certification.self_assess over the unit. */
  classify: z.boolean(),
});
export type CertificationCycleAbilities = z.infer<typeof CertificationCycleAbilitiesSchema>;

export const CertificationCycleDetailSchema = CertificationCycleSchema.extend({
  partyResolution: z.boolean(),
  planAdopted: z.boolean(),
  householdsRegistered: z.number().int().nullable(),
  selfAssessment: z
    .object({
      assessedOn: IsoDateSchema,
      answers: z.array(CriterionAnswerSchema),
      crimes: z.number().int(),
      crimesPreviousYear: z.number().int(),
      socialEvils: z.number().int(),
      socialEvilsPreviousYear: z.number().int(),
      figuresSource: z.string().nullable(),
      internalRules: z.boolean().optional(),
      peopleToBrief: z.number().int().optional(),
      peopleBriefed: z.number().int().optional(),
    })
    .nullable(),
  /** The province's criteria version the cycle was assessed under (null: national criteria only / not yet assessed). */
  provinceCriteriaVersion: z
    .object({ id: IdSchema, label: z.string(), effectiveFrom: IsoDateSchema, basis: z.string() })
    .nullable()
    .optional(),
  reviewMeeting: ReviewMeetingBodySchema.nullable(),
  appraisal: AppraiseBodySchema.nullable(),
  decision: DecideBodySchema.extend({ late: z.boolean() }).nullable(),
  documents: z.array(CertificationDocumentSchema),
  dossierComplete: z.boolean(),
  certificateCode: z.string().nullable(),
  classification: MovementClassificationSchema.nullable(),
  /** Steps the caller may take now (by status and by the caller's roles). */
  allowedSteps: z.array(z.string()),
  can: CertificationCycleAbilitiesSchema,
});
export type CertificationCycleDetail = z.infer<typeof CertificationCycleDetailSchema>;

// ---------- evidence ----------

export const EvidenceVerdictSchema = z.enum(["met", "not_met", "unknown"]);
export type EvidenceVerdict = z.infer<typeof EvidenceVerdictSchema>;

export const CriterionEvidenceSchema = z.object({
  code: z.string(),
  article: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  provincial: z.boolean(),
  /** What the records say, as label → value pairs (numbers, rates 0–1, dates, yes/no). */
  facts: z.array(
    z.object({ key: z.string(), value: z.union([z.number(), z.string(), z.boolean(), z.null()]) }),
  ),
  verdict: EvidenceVerdictSchema,
  /** "Căn cứ": the legal source of the rule applied (article, clause; the province's decision for an extra). */
  basis: z.string(),
  /** The unit's own answer in its self-assessment, if any. */
  selfAssessed: z.boolean().nullable(),
});
export type CriterionEvidence = z.infer<typeof CriterionEvidenceSchema>;

export const CertificationEvidenceSchema = z.object({
  cycleId: IdSchema,
  orgUnitId: IdSchema,
  unitType: CertificationUnitTypeSchema,
  year: z.number().int(),
  windowFrom: IsoDateSchema,
  windowTo: IsoDateSchema,
  households: z
    .object({
      households: z.number().int(),
      signed: z.number().int(),
      commitmentRate: z.number().nullable(),
      registered: z.number().int().nullable(),
      registrationRate: z.number().nullable(),
    })
    .nullable(),
  effectiveModels: z.number().int(),
  teamRating: z.string().nullable(),
  disciplinedMembers: z.number().int(),
  events: z.array(DisqualifyingEventSchema),
  crime: z
    .object({
      crimes: z.number().int(),
      crimesPreviousYear: z.number().int(),
      socialEvils: z.number().int(),
      socialEvilsPreviousYear: z.number().int(),
      source: z.literal("self_assessment"),
    })
    .nullable(),
  children: z
    .object({
      total: z.number().int(),
      registered: z.number().int(),
      recognised: z.number().int(),
      recognisedRate: z.number().nullable(),
      threshold: z.number(),
      passes: z.boolean(),
    })
    .nullable(),
  criteria: z.array(CriterionEvidenceSchema),
  overall: EvidenceVerdictSchema,
  /** The criteria versions the evidence is judged under: the national one and the province's, if any. */
  criteriaVersion: z.string(),
  provinceCriteriaVersion: z
    .object({
      id: IdSchema,
      label: z.string(),
      effectiveFrom: IsoDateSchema,
      basis: z.string(),
      /** Pinned: the cycle was assessed under it and keeps it; otherwise the version in force today. */
      pinned: z.boolean(),
    })
    .nullable(),
});
export type CertificationEvidence = z.infer<typeof CertificationEvidenceSchema>;

// ---------- overview, history, certificate ----------

/**
 * The circular that governed a year's recognition: Circular 23/2012/TT-BCA until 2021, Circular
 * 124/2021/TT-BCA from 2022 (in force 10/02/2022 — domain-rules §1.9).
 */
export const CERTIFICATION_CIRCULARS = ["23/2012/TT-BCA", "124/2021/TT-BCA"] as const;
export const circularOfYear = (y: number): (typeof CERTIFICATION_CIRCULARS)[number] =>
  y < 2022 ? "23/2012/TT-BCA" : "124/2021/TT-BCA";

/**
 * The overview answers from the first year of recorded past results (2013, see
 * `CERTIFICATION_HISTORY_YEARS`): before the yearly cycles, its figures are the recorded results.
 */
export const CertificationOverviewQuerySchema = z.object({
  orgUnitId: IdSchema,
  year: z.coerce
    .number()
    .int()
    .min(CERTIFICATION_HISTORY_YEARS.from, `Năm từ ${CERTIFICATION_HISTORY_YEARS.from} trở đi`)
    .max(2100),
});
export const CertificationOverviewSchema = z.object({
  orgUnitId: IdSchema,
  year: z.number().int(),
  /** The circular that governed the year. */
  circular: z.enum(CERTIFICATION_CIRCULARS),
  /**
   * Results recorded in the register of past years (certification_history), counted in `byStatus`
   * as recognised / not_recognised beside the year's cycles.
   */
  recordedResults: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  notRegistered: z.array(
    z.object({ orgUnitId: IdSchema, name: z.string(), unitType: CertificationUnitTypeSchema }),
  ),
  overdue: z.array(CertificationCycleSchema),
});
export type CertificationOverview = z.infer<typeof CertificationOverviewSchema>;

export const CertificationHistorySchema = z.object({
  orgUnitId: IdSchema,
  items: z.array(
    z.object({
      year: z.number().int(),
      cycleId: IdSchema,
      status: CertificationStatusSchema,
      decisionNumber: z.string().nullable(),
      crimes: z.number().int().nullable(),
      socialEvils: z.number().int().nullable(),
      classification: MovementLevelSchema.nullable(),
    }),
  ),
});

export const CertificateSchema = z.object({
  code: z.string(),
  valid: z.literal(true),
  unitName: z.string(),
  unitType: CertificationUnitTypeSchema,
  year: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: IsoDateSchema,
  recognisingAuthority: z.string(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const CertificationRuleSchema = z.object({
  unitType: CertificationUnitTypeSchema,
  windowStart: z.string(),
  windowEnd: z.string(),
  registrationDeadline: z.string(),
  decisionDeadline: z.string(),
  recognisingAuthority: z.string(),
  authorityVerified: z.boolean(),
  childRecognisedThreshold: z.number().nullable(),
  source: z.string(),
});
export const CertificationRuleListSchema = pageOf(CertificationRuleSchema);
export const CertificationCriterionSchema = z.object({
  code: z.string(),
  version: z.string(),
  unitType: CertificationUnitTypeSchema,
  article: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  evidenceKey: z.string().nullable(),
  provincial: z.boolean(),
});
export const CertificationCriterionListSchema = pageOf(CertificationCriterionSchema);
export const ListCriteriaQuerySchema = z.object({
  unitType: CertificationUnitTypeSchema.optional(),
  version: z.string().max(64).optional(),
});
