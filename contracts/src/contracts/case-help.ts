// The commune's management of people with social evils, drug users and people educated before the
// community: help instances ("lượt" tiếp nhận giúp đỡ, giáo dục) and their outcomes, referrals to
// drug rehabilitation, and sessions of education before the residential community.
//
// Legal basis. The domain rules (shared docs §4) cover Decree 49/2020, Circular 10/2024 and Decree
// 120/2021 only; they are SILENT on the Law on Drug Prevention 2021 (73/2021/QH14) and Decree
// 116/2021/NĐ-CP (drug-user management, rehabilitation, post-rehabilitation management), and on
// "giáo dục tại cộng đồng" as a practice of the movement. Nothing here is verified from a primary
// text [?]: the kinds, outcomes and clocks model what a commune cadre records and reports (the
// seed articles count "lượt đối tượng tệ nạn xã hội được giúp đỡ, giáo dục", "lượt hoàn lương",
// "cảm hóa giáo dục trước cộng đồng N đối tượng").
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";

const text = (max: number) => z.string().trim().max(max);

/** The kinds a help instance is recorded on (people with social evils, drug users). */
export const HELP_CASE_KINDS = ["social_evil", "drug_user"] as const;

/** What the instance of help and education was. */
export const HELP_KINDS = [
  "family_mentoring",
  "counselling",
  "vocational_training",
  "job",
  "loan",
  "health_care",
  "legal_aid",
] as const;
export const HelpKindSchema = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKindSchema>;

/** The kinds of help in printed lists and exports (the console words them through its locales). */
export const HELP_KIND_LABELS: Record<HelpKind, string> = {
  family_mentoring: "Gia đình, đoàn thể kèm cặp, cảm hóa",
  counselling: "Tư vấn tâm lý, pháp lý",
  vocational_training: "Học nghề",
  job: "Giới thiệu việc làm",
  loan: "Hỗ trợ vay vốn",
  health_care: "Khám, điều trị sức khỏe",
  legal_aid: "Trợ giúp pháp lý, giấy tờ",
};

/** An instance ends reformed ("hoàn lương"), relapsed ("tái phạm"), or is still ongoing. */
export const HELP_OUTCOMES = ["ongoing", "reformed", "relapsed"] as const;
export const HelpOutcomeSchema = z.enum(HELP_OUTCOMES);
export type HelpOutcome = z.infer<typeof HelpOutcomeSchema>;
export const HELP_OUTCOME_LABELS: Record<HelpOutcome, string> = {
  ongoing: "Đang giúp đỡ",
  reformed: "Hoàn lương",
  relapsed: "Tái phạm",
};

/**
 * The export of help instances ("lượt được giúp đỡ"), one line per instance: why it is opened
 * (logged, as every read of case files) and, optionally, the period of the instances' receipt.
 */
export const ExportHelpInstancesQuerySchema = z
  .object({
    reason: z.string().trim().min(5, "Ghi rõ lý do mở hồ sơ (ít nhất 5 ký tự)").max(500),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu",
    path: ["to"],
  });
export type ExportHelpInstancesQuery = z.infer<typeof ExportHelpInstancesQuerySchema>;

export const RecordHelpInstanceBodySchema = z.object({
  receivedOn: IsoDateSchema,
  kind: HelpKindSchema,
  /** The body or group that takes the person in (e.g. "Chi hội Phụ nữ khóm 3", "Tổ tự quản số 5"). */
  helper: text(200).min(1, "Chưa nhập tổ chức, tổ nhóm nhận giúp đỡ"),
  notes: text(2000).optional(),
});
export type RecordHelpInstanceBody = z.infer<typeof RecordHelpInstanceBodySchema>;

export const RecordHelpOutcomeBodySchema = z.object({
  outcome: z.enum(["reformed", "relapsed"]),
  outcomeOn: IsoDateSchema,
  notes: text(2000).optional(),
});
export type RecordHelpOutcomeBody = z.infer<typeof RecordHelpOutcomeBodySchema>;

/** Rehabilitation: voluntary (tự nguyện, at home/community or a facility) or compulsory (bắt buộc). */
export const REHAB_MODES = ["voluntary_community", "voluntary_facility", "compulsory"] as const;
export const RehabModeSchema = z.enum(REHAB_MODES);
export type RehabMode = z.infer<typeof RehabModeSchema>;

export const REFERRAL_OUTCOMES = ["pending", "admitted", "completed", "absconded", "not_admitted"] as const;
export const ReferralOutcomeSchema = z.enum(REFERRAL_OUTCOMES);
export type ReferralOutcome = z.infer<typeof ReferralOutcomeSchema>;

export const RecordReferralBodySchema = z.object({
  referredOn: IsoDateSchema,
  mode: RehabModeSchema,
  facility: text(200).min(1, "Chưa nhập cơ sở cai nghiện"),
  /** The commune chairman's decision or the court's, when there is one. */
  decisionNumber: text(64).optional(),
  notes: text(2000).optional(),
});
export type RecordReferralBody = z.infer<typeof RecordReferralBodySchema>;

export const RecordReferralOutcomeBodySchema = z.object({
  outcome: z.enum(["admitted", "completed", "absconded", "not_admitted"]),
  outcomeOn: IsoDateSchema,
  notes: text(2000).optional(),
});
export type RecordReferralOutcomeBody = z.infer<typeof RecordReferralOutcomeBodySchema>;

/** Education before the residential community: who presided, where, when, what the person committed to. */
export const RecordCommunitySessionBodySchema = z.object({
  heldOn: IsoDateSchema,
  presidedBy: text(200).min(1, "Chưa nhập người chủ trì"),
  venue: text(200).min(1, "Chưa nhập nơi tổ chức"),
  attendees: z.number().int().min(0).max(100_000).optional(),
  commitments: text(2000).min(1, "Chưa nhập nội dung cam kết"),
});
export type RecordCommunitySessionBody = z.infer<typeof RecordCommunitySessionBodySchema>;

export const HelpInstanceParamsSchema = z.object({ id: IdSchema, instanceId: IdSchema });

/** The parts of a case file these records add (empty for the other kinds). */
export const CaseHelpPartsSchema = z.object({
  helpInstances: z.array(
    z.object({
      id: IdSchema,
      receivedOn: IsoDateSchema,
      kind: HelpKindSchema,
      helper: z.string(),
      outcome: HelpOutcomeSchema,
      outcomeOn: IsoDateSchema.nullable(),
      notes: z.string().nullable(),
    }),
  ),
  referrals: z.array(
    z.object({
      id: IdSchema,
      referredOn: IsoDateSchema,
      mode: RehabModeSchema,
      facility: z.string(),
      decisionNumber: z.string().nullable(),
      outcome: ReferralOutcomeSchema,
      outcomeOn: IsoDateSchema.nullable(),
      notes: z.string().nullable(),
    }),
  ),
  communitySessions: z.array(
    z.object({
      id: IdSchema,
      heldOn: IsoDateSchema,
      presidedBy: z.string(),
      venue: z.string(),
      attendees: z.number().int().nullable(),
      commitments: z.string(),
    }),
  ),
});
export type CaseHelpParts = z.infer<typeof CaseHelpPartsSchema>;

/** Figures of these records in a period: persons and instances ("lượt") are counted apart. */
const Cell = z.number().int().nullable();
export const CaseHelpFiguresSchema = z.object({
  /** Help instances received in the period, and the distinct people they concern. */
  helpInstances: Cell,
  helpPersons: Cell,
  /** Instances ending reformed / relapsed in the period, and the distinct people reformed. */
  reformedInstances: Cell,
  reformedPersons: Cell,
  relapsedInstances: Cell,
  /** Referrals to rehabilitation made in the period, of which compulsory. */
  referrals: Cell,
  compulsoryReferrals: Cell,
  /** Sessions before the community in the period, and the distinct people educated. */
  communitySessions: Cell,
  communityEducated: Cell,
});
