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

/** Endorsement climbs these levels in order. */
export const ENDORSEMENT_LEVELS = ["commune", "province"] as const;
export const EndorsementLevelSchema = z.enum(ENDORSEMENT_LEVELS);
export type EndorsementLevel = z.infer<typeof EndorsementLevelSchema>;

export const AWARD_FORMS = [
  "giay_khen",
  "bang_khen_province",
  "bang_khen_minister",
  "ky_niem_chuong",
  "co_thi_dua",
  "other",
] as const;
export const AwardFormSchema = z.enum(AWARD_FORMS);

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
export const ListExemplarsQuerySchema = PageQuerySchema.extend({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
