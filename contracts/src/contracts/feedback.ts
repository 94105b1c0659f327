// Feedback and petitions (kiến nghị, phản ánh) from citizens, outside criminal procedure.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import type { Transitions } from "../workflow";
import { SecretSchema, TipCodeSchema } from "./tips";

export const FEEDBACK_KINDS = ["kien_nghi", "phan_anh"] as const;
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS, { error: "Loại không hợp lệ" });
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
  dueOn: IsoDateSchema,
  routedTo: z.string(),
});

export const FeedbackLookupBodySchema = z.object({ code: TipCodeSchema, secret: SecretSchema });
export const FeedbackStatusResultSchema = z.object({
  code: z.string(),
  status: FeedbackStatusSchema,
  statusLabel: z.string(),
  receivedOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  answer: z.string().nullable(),
  answeredOn: IsoDateSchema.nullable(),
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
});
export const FeedbackPageSchema = pageOf(FeedbackSummarySchema);
/** What the caller may do with the feedback now (the rules the answer command enforces). */
export const FeedbackAbilitiesSchema = z.object({
  /** Move it on or answer it: not yet answered, transferred or rejected; the responsible body over its unit. */
  answer: z.boolean(),
});
export type FeedbackAbilities = z.infer<typeof FeedbackAbilitiesSchema>;

export const FeedbackDetailSchema = FeedbackSummarySchema.extend({
  content: z.string(),
  identity: z
    .object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() })
    .nullable(),
  answer: z.string().nullable(),
  answeredOn: IsoDateSchema.nullable(),
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
