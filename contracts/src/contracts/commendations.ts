// Request and response schemas of the commendations module: nominations with evidence from records,
// endorsement level by level, the decision, and the public register of good people and good deeds
// (người tốt, việc tốt), published only with the person's recorded consent.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf, pageWithAbilitiesOf } from "../common";
import type { Transitions } from "../workflow";

export const NOMINEE_KINDS = ["person", "collective"] as const;
export const NomineeKindSchema = z.enum(NOMINEE_KINDS);

/** Records a nomination may cite. certified_unit and tip come from other modules. */
export const EVIDENCE_KINDS = ["activity", "group", "certified_unit", "tip", "hotspot"] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export const EvidenceLinkSchema = z.object({ kind: EvidenceKindSchema, id: IdSchema });
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

/**
 * Endorsement climbs these levels in order. Every nomination climbs the local levels from its own
 * (a province's own nomination starts at the province); the national levels are climbed only for an
 * award given above the province (domain-rules §6):
 * - `ministry`: the Ministry of Public Security, whose Minister awards the certificate of merit
 *   (Bằng khen của Bộ trưởng Bộ Công an, §6.7 [S]) and the commemorative medal (§6.5 [S]), and which
 *   proposes higher awards; for Front nominations the VFF Central Committee — [?] not in the doc;
 * - `central_council`: the Central Emulation and Commendation Council (Hội đồng Thi đua – Khen
 *   thưởng Trung ương), which appraises what the Prime Minister or the President awards — [?] the Law
 *   on Emulation and Commendation 06/2022 is cited in §6.1 but its articles were not retrieved.
 */
export const ENDORSEMENT_LEVELS = ["commune", "province", "ministry", "central_council"] as const;
export const EndorsementLevelSchema = z.enum(ENDORSEMENT_LEVELS);
export type EndorsementLevel = z.infer<typeof EndorsementLevelSchema>;
export const LOCAL_ENDORSEMENT_LEVELS = [
  "commune",
  "province",
] as const satisfies readonly EndorsementLevel[];
export const NATIONAL_ENDORSEMENT_LEVELS = [
  "ministry",
  "central_council",
] as const satisfies readonly EndorsementLevel[];

export const AWARD_FORMS = [
  "giay_khen",
  "bang_khen_province",
  "bang_khen_minister",
  "ky_niem_chuong",
  "co_thi_dua",
  /** Bằng khen của Thủ tướng Chính phủ — [?] not in domain-rules §6. */
  "bang_khen_prime_minister",
  /** An order (Huân chương) awarded by the President — [?] not in domain-rules §6. */
  "huan_chuong",
  "other",
] as const;
export const AwardFormSchema = z.enum(AWARD_FORMS);
export type AwardForm = z.infer<typeof AwardFormSchema>;

/** Who awards a form, counted by level in the statistics. */
export const AWARD_LEVELS = ["local", "province", "ministry", "national", "other"] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_OF = {
  // Commune chairs and provincial department heads award Giấy khen (§6.6 [S]).
  giay_khen: "local",
  bang_khen_province: "province",
  // [?] The form does not say whose flag (the MPS flag of §6.4 [S] would be "ministry"): counted at the province.
  co_thi_dua: "province",
  bang_khen_minister: "ministry",
  ky_niem_chuong: "ministry",
  bang_khen_prime_minister: "national",
  huan_chuong: "national",
  other: "other",
} as const satisfies Record<AwardForm, AwardLevel>;

/**
 * The endorsement level that must have approved before a form is decided (beyond the nomination's
 * local chain): the Minister's forms need the province's approval, the Prime Minister's and the
 * President's the central council's (after the ministry's). Decisions recorded before these rules
 * stay as they are.
 */
export const AWARD_NEEDS_LEVEL: Partial<Record<AwardForm, EndorsementLevel>> = {
  bang_khen_minister: "province",
  ky_niem_chuong: "province",
  bang_khen_prime_minister: "central_council",
  huan_chuong: "central_council",
};

export const COMMENDATION_STATUSES = ["nominated", "endorsed", "decided", "rejected"] as const;
export const CommendationStatusSchema = z.enum(COMMENDATION_STATUSES);
export type CommendationStatus = z.infer<typeof CommendationStatusSchema>;
/**
 * Each level's opinion approves (endorsed) or rejects; an endorsed nomination takes the next level's
 * opinion or the decision. Decided and rejected are final.
 */
export const COMMENDATION_TRANSITIONS = {
  nominated: ["endorsed", "rejected"],
  endorsed: ["endorsed", "rejected", "decided"],
  decided: [],
  rejected: [],
} as const satisfies Transitions<CommendationStatus>;

const text = (max: number) => z.string().trim().max(max);

export const NominateCommendationBodySchema = z.object({
  orgUnitId: IdSchema,
  nomineeKind: NomineeKindSchema,
  nomineeName: text(200).min(1, "Chưa nhập tên người / tập thể được đề nghị"),
  achievements: text(4000).min(1, "Chưa nhập thành tích"),
  evidence: z.array(EvidenceLinkSchema).max(50).default([]),
  nominatedOn: IsoDateSchema,
});
export type NominateCommendationBody = z.infer<typeof NominateCommendationBodySchema>;

export const EndorseCommendationBodySchema = z.object({
  level: EndorsementLevelSchema,
  approve: z.boolean(),
  endorsedOn: IsoDateSchema,
  opinion: text(2000).optional(),
});
export type EndorseCommendationBody = z.infer<typeof EndorseCommendationBodySchema>;

export const DecideCommendationBodySchema = z.object({
  awardForm: AwardFormSchema,
  decisionNumber: text(64).min(1, "Chưa nhập số quyết định"),
  decidedOn: IsoDateSchema,
  issuer: text(200).min(1, "Chưa nhập cấp ra quyết định"),
});
export type DecideCommendationBody = z.infer<typeof DecideCommendationBodySchema>;

export const RecordConsentBodySchema = z.object({
  /** Consent must be an explicit choice (never a default): true gives, false withdraws. */
  given: z.boolean(),
  on: IsoDateSchema,
  method: z.enum(["written", "in_person", "electronic"]),
  /** What the person agreed to be shown publicly. */
  publicName: text(200).optional(),
  deedSummary: text(1000).optional(),
});
export type RecordConsentBody = z.infer<typeof RecordConsentBodySchema>;

export const PublishExemplarBodySchema = z.object({ publish: z.boolean() });

export const CommendationSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  nomineeKind: NomineeKindSchema,
  nomineeName: z.string(),
  achievements: z.string(),
  evidence: z.array(EvidenceLinkSchema),
  nominatedOn: IsoDateSchema,
  status: CommendationStatusSchema,
  endorsements: z.array(
    z.object({
      level: EndorsementLevelSchema,
      approve: z.boolean(),
      endorsedOn: IsoDateSchema,
      opinion: z.string().nullable(),
      byUnitName: z.string(),
    }),
  ),
  decision: z
    .object({
      awardForm: AwardFormSchema,
      decisionNumber: z.string(),
      decidedOn: IsoDateSchema,
      issuer: z.string(),
    })
    .nullable(),
  consent: z
    .object({
      given: z.boolean(),
      on: IsoDateSchema,
      method: z.string(),
      publicName: z.string().nullable(),
      deedSummary: z.string().nullable(),
    })
    .nullable(),
  published: z.boolean(),
});
export type Commendation = z.infer<typeof CommendationSchema>;
/** A page of nominations; `can.create`: the caller may nominate. */
export const CommendationPageSchema = pageWithAbilitiesOf(CommendationSchema);
export const ListCommendationsQuerySchema = PageQuerySchema.extend({
  status: CommendationStatusSchema.optional(),
});

export const ExemplarSchema = z.object({
  id: IdSchema,
  name: z.string(),
  nomineeKind: NomineeKindSchema,
  unitName: z.string(),
  deed: z.string(),
  awardForm: AwardFormSchema.nullable(),
  year: z.number().int(),
});
export type Exemplar = z.infer<typeof ExemplarSchema>;
export const ExemplarPageSchema = pageOf(ExemplarSchema);
export const CommendationStatisticsQuerySchema = z.object({
  orgUnitId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
});
export const CommendationStatisticsSchema = z.object({
  nominated: z.number().int(),
  decided: z.number().int(),
  published: z.number().int(),
  decidedByForm: z.record(z.string(), z.number().int()),
  /** Decisions of the period by who awards them (AWARD_LEVEL_OF). */
  decidedByLevel: z.record(z.enum(AWARD_LEVELS), z.number().int()),
  /** Approving opinions of the period at each endorsement level. */
  endorsedByLevel: z.record(EndorsementLevelSchema, z.number().int()),
});
export type CommendationStatistics = z.infer<typeof CommendationStatisticsSchema>;

export const ListExemplarsQuerySchema = PageQuerySchema.extend({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
