// Request schemas of the certification module: the yearly "An toàn về an ninh, trật tự"
// cycle of Circular 124/2021/TT-BCA, the disqualifying-events register and the movement
// classification of Decision 510/QĐ-BCA-V05.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import type { Permission } from "../permissions";
import type { Transitions } from "../workflow";

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
 * The cycle's lifecycle: self-assessed (and corrected) after registering, reviewed at the unit's
 * meeting, appraised by the level above, decided. The steps below take exactly these moves.
 */
export const CERTIFICATION_TRANSITIONS = {
  registered: ["self_assessed"],
  self_assessed: ["self_assessed", "reviewed"],
  reviewed: ["appraised"],
  appraised: ["recognised", "not_recognised"],
  recognised: [],
  not_recognised: [],
} as const satisfies Transitions<CertificationStatus>;

/**
 * Who acts at each step. `level: "unit"` — the permission held at the unit itself or above it;
 * `level: "above"` — held at a unit strictly above (the standing body of the Steering Committee and
 * the recognising authority never sit at the unit under review).
 */
export const CERTIFICATION_STEPS = [
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
export type CertificationStep = (typeof CERTIFICATION_STEPS)[number]["step"];

// The steps and the lifecycle agree: every move of a step is in CERTIFICATION_TRANSITIONS, and every
// move there is some step's. A change to one without the other fails to compile, naming the move.
type Step = (typeof CERTIFICATION_STEPS)[number];
type Allowed<F extends CertificationStatus> = (typeof CERTIFICATION_TRANSITIONS)[F][number];
type StepTargets<F> = Step extends infer T
  ? T extends { from: readonly (infer G)[]; to: readonly (infer U)[] }
    ? F extends G
      ? U
      : never
    : never
  : never;
type Mismatch = {
  [F in CertificationStatus]:
    | (Exclude<StepTargets<F>, Allowed<F>> extends infer X
        ? [X] extends [never]
          ? never
          : `step ${F} → ${X & string} not in the table`
        : never)
    | (Exclude<Allowed<F>, StepTargets<F>> extends infer X
        ? [X] extends [never]
          ? never
          : `no step for ${F} → ${X & string}`
        : never);
}[CertificationStatus];
export const CERTIFICATION_STEPS_MATCH_TRANSITIONS: [Mismatch] extends [never] ? true : Mismatch = true;

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
  /** A member of the grassroots force / the unit's protection force (Art. 4.5, 6.4, 7.5). */
  "member_disciplined",
  /** An officer of the commune police (Art. 5.3). */
  "commune_police_disciplined",
  /** Staff (or learners) with an ANTT administrative penalty or a social evil, disciplined (Art. 6.3.h, 7.4). */
  "staff_disciplined",
] as const;
/** Kinds that are a person's discipline: the form of discipline is recorded with them. */
export const DISCIPLINE_EVENT_KINDS = [
  "member_disciplined",
  "commune_police_disciplined",
  "staff_disciplined",
] as const satisfies readonly (typeof DISQUALIFYING_EVENT_KINDS)[number][];
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
  /**
   * Agencies, enterprises, schools (Circular 124/2021 Art. 6.1, 7.1): internal rules adopted, and
   * how many people had to be briefed (staff and workers; at a school also teachers and learners)
   * and how many were. Required for those unit types.
   */
  internalRules: z.boolean().optional(),
  peopleToBrief: z.number().int().min(0).max(1_000_000).optional(),
  peopleBriefed: z.number().int().min(0).max(1_000_000).optional(),
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
