// Request and response schemas of the certification module: the yearly "An toàn về an ninh, trật tự"
// cycle of Circular 124/2021/TT-BCA, the disqualifying-events register and the movement
// classification of Decision 510/QĐ-BCA-V05.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import type { Permission } from "../permissions";

export const CERTIFICATION_UNIT_TYPES = [
  "residential_area",
  "commune",
  "agency",
  "enterprise",
  "school",
] as const;
export const CertificationUnitTypeSchema = z.enum(CERTIFICATION_UNIT_TYPES);
export type CertificationUnitType = z.infer<typeof CertificationUnitTypeSchema>;

export const CERTIFICATION_STATUSES = [
  "registered",
  "self_assessed",
  "reviewed",
  "appraised",
  "recognised",
  "not_recognised",
] as const;
export const CertificationStatusSchema = z.enum(CERTIFICATION_STATUSES);
export type CertificationStatus = z.infer<typeof CertificationStatusSchema>;

/**
 * Who acts at each step. `level: "unit"` — the permission held at the unit itself or above it;
 * `level: "above"` — held at a unit strictly above (the standing body of the Steering Committee and
 * the recognising authority never sit at the unit under review).
 */
export const CERTIFICATION_TRANSITIONS = [
  {
    step: "selfAssess",
    operationId: "submitSelfAssessment",
    from: ["registered", "self_assessed"],
    to: ["self_assessed"],
    permission: "certification.self_assess",
    level: "unit",
  },
  {
    step: "review",
    operationId: "recordReviewMeeting",
    from: ["self_assessed"],
    to: ["reviewed"],
    permission: "certification.self_assess",
    level: "unit",
  },
  {
    step: "appraise",
    operationId: "appraiseCertification",
    from: ["reviewed"],
    to: ["appraised"],
    permission: "certification.appraise",
    level: "above",
  },
  {
    step: "decide",
    operationId: "decideCertification",
    from: ["appraised"],
    to: ["recognised", "not_recognised"],
    permission: "certification.decide",
    level: "above",
  },
] as const satisfies readonly {
  step: string;
  operationId: string;
  from: readonly CertificationStatus[];
  to: readonly CertificationStatus[];
  permission: Permission;
  level: "unit" | "above";
}[];
export type CertificationStep = (typeof CERTIFICATION_TRANSITIONS)[number]["step"];

export const CERTIFICATION_STATUS_LABELS = {
  registered: "Đã đăng ký",
  self_assessed: "Đã tự đánh giá",
  reviewed: "Đã họp bình xét",
  appraised: "Đã thẩm định",
  recognised: "Đạt chuẩn",
  not_recognised: "Chưa đạt",
} as const satisfies Record<CertificationStatus, string>;

export const DOSSIER_KINDS = ["submission", "results_report", "minutes"] as const;
export const DossierKindSchema = z.enum(DOSSIER_KINDS);
export type DossierKind = z.infer<typeof DossierKindSchema>;

export const DISQUALIFYING_EVENT_KINDS = [
  "anti_state_activity",
  "sabotage",
  "unlawful_religion",
  "exploiting_religion_ethnicity",
  "separatism",
  "prolonged_conflict",
  "incited_gathering",
  "serious_crime",
  "new_hotspot",
  "new_social_evil_person",
  "fire_explosion_accident",
  "unlawful_strike",
  "state_secret_breach",
  "school_violence",
  "member_disciplined",
] as const;
export const DisqualifyingEventKindSchema = z.enum(DISQUALIFYING_EVENT_KINDS);
export type DisqualifyingEventKind = z.infer<typeof DisqualifyingEventKindSchema>;

export const EVENT_SEVERITIES = ["minor", "serious", "very_serious", "especially_serious"] as const;
export const EventSeveritySchema = z.enum(EVENT_SEVERITIES);
export type EventSeverity = z.infer<typeof EventSeveritySchema>;

export const MOVEMENT_LEVELS = ["excellent", "good", "average", "below_average"] as const;
export const MovementLevelSchema = z.enum(MOVEMENT_LEVELS);
export type MovementLevel = z.infer<typeof MovementLevelSchema>;

const year = z.coerce.number().int().min(2022).max(2100);
const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

// ---------- registration ----------

export const RegisterCertificationBodySchema = z.object({
  orgUnitId: IdSchema,
  year,
  registeredOn: IsoDateSchema,
  /** The Party cell / committee passed its resolution on ANTT work. */
  partyResolution: z.boolean(),
  /** The People's Committee, agency, enterprise or school adopted its ANTT plan (not for residential areas). */
  planAdopted: z.boolean().default(false),
  /** Residential area: households that registered to take part (defaults to the year's signed commitments). */
  householdsRegistered: z.number().int().min(0).max(1_000_000).optional(),
  notes: text(2000).optional(),
});
export type RegisterCertificationBody = z.infer<typeof RegisterCertificationBodySchema>;

// ---------- self-assessment ----------

export const CriterionAnswerSchema = z.object({
  criterionCode: z.string().min(1).max(64),
  met: z.boolean(),
  note: text(2000).optional(),
});

export const SelfAssessmentBodySchema = z.object({
  assessedOn: IsoDateSchema,
  answers: z.array(CriterionAnswerSchema).min(1, "Chưa đánh giá tiêu chí nào").max(100),
  /** Crime and social-evil counts in the window and the previous year's, entered by the unit. */
  crimes: z.number().int().min(0).max(1_000_000),
  crimesPreviousYear: z.number().int().min(0).max(1_000_000),
  socialEvils: z.number().int().min(0).max(1_000_000),
  socialEvilsPreviousYear: z.number().int().min(0).max(1_000_000),
  figuresSource: text(500).optional(),
});
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBodySchema>;

// ---------- review meeting ----------

export const ReviewMeetingBodySchema = z.object({
  meetingDate: IsoDateSchema,
  chair: required(200, "Chưa nhập người chủ trì"),
  attendees: z
    .array(z.object({ name: required(200, "Chưa nhập họ tên"), role: required(200, "Chưa nhập chức vụ") }))
    .min(1, "Chưa nhập thành phần dự họp")
    .max(100),
  minutes: required(20_000, "Chưa nhập nội dung biên bản"),
  /** Votes in favour of proposing recognition, out of those attending. */
  votesFor: z.number().int().min(0).max(10_000),
  votesTotal: z.number().int().min(1).max(10_000),
});
export type ReviewMeetingBody = z.infer<typeof ReviewMeetingBodySchema>;

// ---------- appraisal and decision ----------

export const AppraiseBodySchema = z.object({
  appraisedOn: IsoDateSchema,
  recommendation: z.enum(["recognise", "not_recognise"]),
  opinion: required(5000, "Chưa nhập ý kiến thẩm định"),
});
export type AppraiseBody = z.infer<typeof AppraiseBodySchema>;

export const DecideBodySchema = z.object({
  outcome: z.enum(["recognised", "not_recognised"]),
  decisionNumber: required(64, "Chưa nhập số quyết định"),
  decisionDate: IsoDateSchema,
  signerName: required(200, "Chưa nhập người ký"),
  signerTitle: required(200, "Chưa nhập chức vụ người ký"),
  reason: text(5000).optional(),
  /** Required when the decision comes after the deadline. */
  lateReason: text(5000).optional(),
});
export type DecideBody = z.infer<typeof DecideBodySchema>;

// ---------- movement classification ----------

export const ScoringCriterionSchema = z.object({
  code: z.string(),
  label: z.string(),
  maxPoints: z.number(),
});
export const ScoringSheetSchema = z.object({
  code: z.string(),
  version: z.string(),
  nameVi: z.string(),
  source: z.string(),
  verified: z.boolean(),
  criteria: z.array(ScoringCriterionSchema),
  /** Minimum total for each level, highest first. */
  thresholds: z.object({ excellent: z.number(), good: z.number(), average: z.number() }),
});
export type ScoringSheet = z.infer<typeof ScoringSheetSchema>;
export const ScoringSheetListSchema = pageOf(ScoringSheetSchema);

export const ClassifyMovementBodySchema = z.object({
  sheetCode: z.string().min(1).max(64),
  scores: z.record(z.string().max(64), z.number().min(0).max(1000)),
});
export type ClassifyMovementBody = z.infer<typeof ClassifyMovementBodySchema>;

export const MovementClassificationSchema = z.object({
  sheetCode: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  level: MovementLevelSchema,
});

// ---------- disqualifying events ----------

export const RecordDisqualifyingEventBodySchema = z.object({
  orgUnitId: IdSchema,
  kind: DisqualifyingEventKindSchema,
  occurredOn: IsoDateSchema,
  severity: EventSeveritySchema,
  forceMajeure: z.boolean().default(false),
  /** Detected promptly, harm mitigated and reported at once (Art. 4.4.b). */
  reportedPromptly: z.boolean().default(false),
  description: required(2000, "Chưa mô tả sự việc"),
});
export type RecordDisqualifyingEventBody = z.infer<typeof RecordDisqualifyingEventBodySchema>;

export const DisqualifyingEventSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  kind: DisqualifyingEventKindSchema,
  occurredOn: IsoDateSchema,
  severity: EventSeveritySchema,
  forceMajeure: z.boolean(),
  reportedPromptly: z.boolean(),
  description: z.string(),
  /** Whether, by the configured rule for its kind, the event disqualifies the unit. */
  disqualifies: z.boolean(),
  createdAt: z.string(),
});
export type DisqualifyingEvent = z.infer<typeof DisqualifyingEventSchema>;
export const DisqualifyingEventPageSchema = pageOf(DisqualifyingEventSchema);
export const ListDisqualifyingEventsQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

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
export const CertificationCyclePageSchema = pageOf(CertificationCycleSchema);
export const ListCertificationCyclesQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  year: year.optional(),
  status: CertificationStatusSchema.optional(),
  unitType: CertificationUnitTypeSchema.optional(),
});

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
    })
    .nullable(),
  reviewMeeting: ReviewMeetingBodySchema.nullable(),
  appraisal: AppraiseBodySchema.nullable(),
  decision: DecideBodySchema.extend({ late: z.boolean() }).nullable(),
  documents: z.array(CertificationDocumentSchema),
  dossierComplete: z.boolean(),
  certificateCode: z.string().nullable(),
  classification: MovementClassificationSchema.nullable(),
  /** Steps the caller may take now (by status and by the caller's roles). */
  allowedSteps: z.array(z.string()),
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
});
export type CertificationEvidence = z.infer<typeof CertificationEvidenceSchema>;

// ---------- overview, history, certificate ----------

export const CertificationOverviewQuerySchema = z.object({ orgUnitId: IdSchema, year });
export const CertificationOverviewSchema = z.object({
  orgUnitId: IdSchema,
  year: z.number().int(),
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
