// Feedback and petitions (kiến nghị, phản ánh) from citizens, outside criminal procedure.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import type { Transitions } from "../workflow";
import { ContactConsentStateSchema, SecretSchema, TipCodeSchema } from "./tips";

/** Petition, feedback, denunciation (tố cáo: about an official's or a body's violation). */
export const FEEDBACK_KINDS = ["kien_nghi", "phan_anh", "to_cao"] as const;
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS, { error: "Loại không hợp lệ" });
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/**
 * The legal clocks of an item.
 * - Acceptance: Law on Citizen Reception 2013 Art. 28 — within 10 working days of receipt the person
 *   is told whether it is accepted (thụ lý), not accepted, or transferred.
 * - Handling of a denunciation: Law on Denunciations 2018 Art. 30 — 30 days from acceptance; complex
 *   cases one extension of up to 30 days, especially complex ones two (calendar days).
 * - Handling of a petition or feedback: no statutory period was verified (domain-rules 3d); the
 *   server's FEEDBACK_DUE_WORKING_DAYS (default 15 working days from receipt) — configurable, [?].
 * - Complaints (khiếu nại) are not received through this channel.
 */
export const FEEDBACK_CLOCK_RULES = {
  acceptanceWorkingDays: 10,
  acceptanceBasis:
    "Căn cứ: Điều 28 Luật Tiếp công dân 2013 — trong 10 ngày làm việc kể từ ngày nhận, thông báo thụ lý, không thụ lý hoặc chuyển đơn.",
  denunciationDays: 30,
  denunciationExtensionDays: 30,
  denunciationBasis:
    "Căn cứ: Điều 30 Luật Tố cáo 2018 — giải quyết trong 30 ngày kể từ ngày thụ lý; vụ việc phức tạp gia hạn một lần không quá 30 ngày, đặc biệt phức tạp gia hạn hai lần, mỗi lần không quá 30 ngày.",
  feedbackBasis: (workingDays: number) =>
    `Căn cứ: thời hạn trả lời kiến nghị, phản ánh do cơ quan quy định — ${workingDays} ngày làm việc kể từ ngày nhận (cấu hình; chưa đối chiếu văn bản quy phạm).`,
} as const;

export const FEEDBACK_ACCEPTANCE_DECISIONS = ["accepted", "not_accepted"] as const;
export const FeedbackAcceptanceDecisionSchema = z.enum(FEEDBACK_ACCEPTANCE_DECISIONS, {
  error: "Chọn thụ lý hoặc không thụ lý",
});
export const FEEDBACK_NOTICE_CHANNELS = ["direct", "in_writing", "electronic"] as const;
export const FeedbackNoticeChannelSchema = z.enum(FEEDBACK_NOTICE_CHANNELS, {
  error: "Chọn hình thức thông báo",
});
export const FEEDBACK_NOTICE_CHANNEL_LABELS = {
  direct: { vi: "trực tiếp", en: "in person" },
  in_writing: { vi: "bằng văn bản", en: "in writing" },
  electronic: { vi: "qua cổng trực tuyến, điện tử", en: "electronically" },
} as const;
export const FEEDBACK_ACCEPTANCE_LABELS = {
  pending: { vi: "Chưa thông báo thụ lý", en: "Acceptance not yet notified" },
  accepted: { vi: "Đã thụ lý", en: "Accepted" },
  not_accepted: { vi: "Không thụ lý", en: "Not accepted" },
} as const;

/** One legal clock as the officer and the sender read it. */
export const FeedbackClockSchema = z.object({
  dueOn: IsoDateSchema,
  /** The period's length and its unit (working days, or calendar days for a denunciation). */
  length: z.number().int(),
  unit: z.enum(["working_days", "days"]),
  /** When it was met (the notice given, the answer sent); null while running. */
  doneOn: IsoDateSchema.nullable(),
  /** Left while running, in the clock's unit (0 on the due date, below zero once passed). */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** Counted from a provisional start (a denunciation not yet accepted). */
  provisional: z.boolean(),
  /** "Căn cứ: …" */
  basis: z.string(),
});
export const FeedbackClocksSchema = z.object({
  acceptance: FeedbackClockSchema,
  /** Null once the item was not accepted: nothing to handle. */
  handling: FeedbackClockSchema.nullable(),
});
export type FeedbackClocks = z.infer<typeof FeedbackClocksSchema>;
export const FEEDBACK_TOPICS = ["security_order", "movement", "officials", "other"] as const;
export const FeedbackTopicSchema = z.enum(FEEDBACK_TOPICS, { error: "Lĩnh vực không hợp lệ" });
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const FEEDBACK_STATUSES = ["received", "in_progress", "answered", "transferred", "rejected"] as const;
export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
/** Taken in hand, then answered, transferred or rejected (each final, with the answer the sender reads). */
export const FEEDBACK_TRANSITIONS = {
  received: ["in_progress", "answered", "transferred", "rejected"],
  in_progress: ["answered", "transferred", "rejected"],
  answered: [],
  transferred: [],
  rejected: [],
} as const satisfies Transitions<FeedbackStatus>;
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  in_progress: { vi: "Đang xử lý", en: "In progress" },
  answered: { vi: "Đã trả lời", en: "Answered" },
  transferred: { vi: "Đã chuyển cơ quan có thẩm quyền", en: "Transferred" },
  rejected: { vi: "Không thụ lý", en: "Not accepted" },
};

export const SubmitFeedbackBodySchema = z.object({
  kind: FeedbackKindSchema,
  topic: FeedbackTopicSchema,
  title: z.string().trim().min(3, "Nhập tiêu đề").max(200),
  content: z.string().trim().min(10, "Nội dung tối thiểu 10 ký tự").max(5000, "Nội dung tối đa 5000 ký tự"),
  provinceId: z.uuid({ error: "Chọn tỉnh, thành phố" }),
  communeId: IdSchema.optional(),
  identity: z
    .object({
      consent: z.literal(true, { error: "Cần đồng ý để lưu thông tin cá nhân" }),
      /** The consent text version shown (purpose feedback_contact); kept with the item. */
      consentTextId: IdSchema.optional(),
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().max(30).optional(),
      address: z.string().trim().max(300).optional(),
    })
    .optional(),
});
export type SubmitFeedbackBody = z.infer<typeof SubmitFeedbackBodySchema>;

export const SubmitFeedbackResultSchema = z.object({
  code: z.string(),
  secret: z.string(),
  receivedOn: IsoDateSchema,
  /** The handling due date (provisional for a denunciation until accepted). */
  dueOn: IsoDateSchema,
  /** Law on Citizen Reception 2013 Art. 28: told whether it is accepted by this date. */
  acceptanceDueOn: IsoDateSchema,
  routedTo: z.string(),
});

export const FeedbackLookupBodySchema = z.object({ code: TipCodeSchema, secret: SecretSchema });
export const FeedbackStatusResultSchema = z.object({
  code: z.string(),
  status: FeedbackStatusSchema,
  statusLabel: z.string(),
  receivedOn: IsoDateSchema,
  /** The handling due date. */
  dueOn: IsoDateSchema,
  /** Whether the sender has been told it is accepted (dates only, no reasons or names). */
  acceptance: z.enum(["pending", ...FEEDBACK_ACCEPTANCE_DECISIONS]),
  acceptanceLabel: z.string(),
  acceptanceDueOn: IsoDateSchema,
  acceptanceNoticedOn: IsoDateSchema.nullable(),
  answer: z.string().nullable(),
  answeredOn: IsoDateSchema.nullable(),
  contactConsent: ContactConsentStateSchema.optional(),
});

export const FeedbackSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  /** The sender's title (sealed at rest, opened for the body that handles it). */
  title: z.string(),
  kind: FeedbackKindSchema,
  topic: FeedbackTopicSchema,
  status: FeedbackStatusSchema,
  orgUnitName: z.string(),
  bodyKind: z.string(),
  receivedOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  acceptance: FeedbackAcceptanceDecisionSchema.nullable(),
  clocks: FeedbackClocksSchema,
});
export const FeedbackPageSchema = pageOf(FeedbackSummarySchema);
/** What the caller may do with the feedback now (the rules the answer command enforces). */
export const FeedbackAbilitiesSchema = z.object({
  /** Move it on or answer it: not yet answered, transferred or rejected; the responsible body over its unit. */
  answer: z.boolean(),
  /** Record the acceptance notice: not yet recorded, not closed; the responsible body. */
  recordAcceptance: z.boolean(),
});
export type FeedbackAbilities = z.infer<typeof FeedbackAbilitiesSchema>;

export const FeedbackDetailSchema = FeedbackSummarySchema.extend({
  content: z.string(),
  identity: z
    .object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() })
    .nullable(),
  /** The Vietnam day the sender withdrew consent to keeping the identity (erased at once), if so. */
  identityWithdrawnOn: IsoDateSchema.nullable().optional(),
  /** The identity's processing is restricted at the sender's request: `identity` is null, the display says so. */
  identityRestricted: z.boolean().optional(),
  answer: z.string().nullable(),
  answeredOn: IsoDateSchema.nullable(),
  /** The acceptance notice given to the sender, once recorded. */
  acceptanceNotice: z
    .object({
      decision: FeedbackAcceptanceDecisionSchema,
      reason: z.string().nullable(),
      noticedOn: IsoDateSchema,
      channel: FeedbackNoticeChannelSchema,
    })
    .nullable(),
  can: FeedbackAbilitiesSchema,
});
export const ListFeedbackQuerySchema = PageQuerySchema.extend({
  status: FeedbackStatusSchema.optional(),
  topic: FeedbackTopicSchema.optional(),
  /** "true": only items still unanswered past their due date. */
  overdue: z.enum(["true", "false"], { error: "Giá trị không hợp lệ" }).optional(),
});
export const AnswerFeedbackBodySchema = z.object({
  status: z.enum(["in_progress", "answered", "transferred", "rejected"], {
    error: "Trạng thái không hợp lệ",
  }),
  answer: z.string().trim().max(5000).optional(),
});

/** The acceptance notice given to the sender (Law on Citizen Reception 2013 Art. 28). */
export const RecordFeedbackAcceptanceBodySchema = z
  .object({
    decision: FeedbackAcceptanceDecisionSchema,
    /** Required when not accepted: not within competence, not eligible… */
    reason: z.string().trim().max(1000, "Lý do tối đa 1000 ký tự").optional(),
    noticedOn: IsoDateSchema,
    channel: FeedbackNoticeChannelSchema,
  })
  .superRefine((b, ctx) => {
    if (b.decision === "not_accepted" && !b.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Nhập lý do không thụ lý" });
    }
  });
export type RecordFeedbackAcceptanceBody = z.infer<typeof RecordFeedbackAcceptanceBodySchema>;
