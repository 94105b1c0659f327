// Citizen tips: what the police inbox shows and the bodies of the police's actions.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import {
  TIP_NO_CASE_GROUNDS,
  TIP_NOTICE_CHANNELS,
  TIP_NOTICE_KINDS,
  TIP_NOTICE_RECIPIENTS,
  TIP_SUSPENSION_GROUNDS,
  TipGroundSchema,
  TipNoticeSchema,
  TipOutcomeSchema,
  TipUrgencySchema,
} from "./tips-outcomes";
import { ClockSchema, TipMessageSchema, TipStatusSchema } from "./tips-status";
import { TIP_LIMITS, TipCategorySchema } from "./tips-submit";

/**
 * How a report reached the police: the public form, or recorded by staff (CPC 2015 Art. 144.5:
 * reports may be oral or written; Art. 146: in person, by post, by phone, or passed on by another
 * organisation).
 */
export const TIP_CHANNELS = ["web", "oral", "phone", "letter", "cadre"] as const;
export const TipChannelSchema = z.enum(TIP_CHANNELS, { error: "Chọn cách tiếp nhận" });
export type TipChannel = (typeof TIP_CHANNELS)[number];
export const INTAKE_CHANNELS = ["oral", "phone", "letter", "cadre"] as const;
export const IntakeChannelSchema = z.enum(INTAKE_CHANNELS, { error: "Chọn cách tiếp nhận" });
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const TIP_CHANNEL_LABELS: Record<TipChannel, { vi: string; en: string }> = {
  web: { vi: "Qua mạng", en: "Online form" },
  oral: { vi: "Trực tiếp (bằng lời)", en: "In person (oral)" },
  phone: { vi: "Qua điện thoại", en: "By phone" },
  letter: { vi: "Bằng văn bản, thư", en: "By letter" },
  cadre: { vi: "Cán bộ Mặt trận, đoàn thể chuyển đến", en: "Passed on by a Front or association cadre" },
};

export const TipSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  category: TipCategorySchema,
  channel: TipChannelSchema,
  status: TipStatusSchema,
  urgency: TipUrgencySchema.nullable(),
  receivedHour: z.string(),
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  remote: z.boolean(),
  duplicateOfCode: z.string().nullable(),
  extensionLevel: z.number().int(),
  clocks: z.array(ClockSchema),
  awaitingReply: z.boolean(),
});
export type TipSummary = z.infer<typeof TipSummarySchema>;
export const TipPageSchema = pageOf(TipSummarySchema);

/** What the caller may do with the tip now (the rules the commands enforce; the UI only hides). */
export const TipAbilitiesSchema = z.object({
  /** Read the content, contact and attachments: police of the tip's unit or above. */
  readContent: z.boolean(),
  /** Mark urgent or normal, link a duplicate: the tip is still being handled. */
  triage: z.boolean(),
  /** Write to the tipster. */
  reply: z.boolean(),
  /** Record a decision or transfer: the tip is still being handled. */
  recordOutcome: z.boolean(),
  /** The outcomes the caller may record now (transition table × the caller's unit level). */
  outcomes: z.array(TipOutcomeSchema),
  /** Extend the decision limit: investigation agency, no decision yet, within the time the Code allows. */
  extend: z.boolean(),
  /** The next extension level, or null. */
  nextExtension: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Resume a suspended tip (investigation agency, CPC Art. 149). */
  resume: z.boolean(),
  /** Record a notice sent about a decision (suspension, resumption, outcome). */
  recordNotice: z.boolean(),
  /** The caller acts as the investigation agency (provincial police) for this tip. */
  investigationAgency: z.boolean(),
});
export type TipAbilities = z.infer<typeof TipAbilitiesSchema>;

/** What the intake record shows the police (sealed at rest). */
export const TipIntakeRecordSchema = z.object({
  receivedAt: z.string(),
  receivedPlace: z.string().nullable(),
  receiverName: z.string(),
  receiverPosition: z.string().nullable(),
  /** Recorded by a Front or association cadre passing the report on (not by the police). */
  recordedByCadre: z.boolean(),
  passedOnByName: z.string().nullable(),
  passedOnByOrganisation: z.string().nullable(),
  anonymous: z.boolean(),
  confidentialityRequested: z.boolean(),
  /** Attachment number of the signed record's scan, if uploaded. */
  signedRecordN: z.number().int().nullable(),
});
export type TipIntakeRecord = z.infer<typeof TipIntakeRecordSchema>;

export const TipDetailSchema = TipSummarySchema.extend({
  description: z.string(),
  place: z.string().nullable(),
  occurredOn: z.string().nullable(),
  occurredTime: z.string().nullable(),
  contact: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      /** Taken down by staff at intake (CPC Art. 146 record): the web form does not ask them. */
      address: z.string().nullable().optional(),
      identityNumber: z.string().nullable().optional(),
      birthYear: z.number().int().nullable().optional(),
    })
    .nullable(),
  /** The Vietnam day the tipster withdrew consent to keeping the contact (erased at once), if so. */
  contactWithdrawnOn: IsoDateSchema.nullable().optional(),
  /** The contact's processing is restricted at the tipster's request: `contact` is null, the display says so. */
  contactRestricted: z.boolean().optional(),
  /** The intake record of a report recorded by staff; null for a web tip. */
  intake: TipIntakeRecordSchema.nullable().optional(),
  attachments: z.array(z.object({ n: z.number().int(), mediaType: z.string(), bytes: z.number().int() })),
  messages: z.array(TipMessageSchema),
  outcome: TipOutcomeSchema.nullable(),
  casesSolved: z.number().int(),
  arrests: z.number().int(),
  peopleHandled: z.number().int(),
  outcomeNote: z.string().nullable(),
  /** The Code's ground of the outcome (Art. 157 for no case, Art. 148.1 for a suspension). */
  outcomeGround: TipGroundSchema.nullable(),
  suspendedAt: z.string().nullable(),
  resumedAt: z.string().nullable(),
  notices: z.array(TipNoticeSchema),
  can: TipAbilitiesSchema,
});
export type TipDetail = z.infer<typeof TipDetailSchema>;

export const ListTipsQuerySchema = PageQuerySchema.extend({
  status: TipStatusSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

export const TriageTipBodySchema = z.object({
  urgency: TipUrgencySchema,
  /** Receipt code of the tip this one repeats, or null to clear the link. */
  duplicateOfCode: z.string().trim().toUpperCase().max(30).nullable().optional(),
});
export const SendTipMessageBodySchema = z.object({
  body: z.string().trim().min(1, "Nhập nội dung").max(TIP_LIMITS.messageMax),
});
export const RecordTipOutcomeBodySchema = z
  .object({
    outcome: TipOutcomeSchema,
    /** Required for "no_case" (an Art. 157 ground) and "suspended" (an Art. 148.1 ground). */
    ground: TipGroundSchema.optional(),
    casesSolved: z.number().int().min(0).max(10_000).default(0),
    arrests: z.number().int().min(0).max(10_000).default(0),
    peopleHandled: z.number().int().min(0).max(10_000).default(0),
    note: z.string().trim().max(3000).optional(),
  })
  .superRefine((b, ctx) => {
    const need =
      b.outcome === "no_case"
        ? {
            list: TIP_NO_CASE_GROUNDS as readonly string[],
            msg: "Chọn căn cứ không khởi tố (Điều 157 BLTTHS)",
          }
        : b.outcome === "suspended"
          ? {
              list: TIP_SUSPENSION_GROUNDS as readonly string[],
              msg: "Chọn căn cứ tạm đình chỉ (khoản 1 Điều 148 BLTTHS)",
            }
          : null;
    if (need && (!b.ground || !need.list.includes(b.ground))) {
      ctx.addIssue({ code: "custom", path: ["ground"], message: need.msg });
    }
    if (!need && b.ground) {
      ctx.addIssue({ code: "custom", path: ["ground"], message: "Kết quả này không cần căn cứ" });
    }
  });
/** A resumption decision (CPC Art. 149.1): the ground of the suspension no longer exists. */
export const ResumeTipBodySchema = z.object({});
export const RecordTipNoticeBodySchema = z.object({
  kind: z.enum(TIP_NOTICE_KINDS, { error: "Chọn loại thông báo" }),
  recipient: z.enum(TIP_NOTICE_RECIPIENTS, { error: "Chọn nơi nhận" }),
  channel: z.enum(TIP_NOTICE_CHANNELS, { error: "Chọn cách gửi" }),
  documentNumber: z.string().trim().max(60).optional(),
  /** When it was sent (defaults to now); never in the future. */
  sentAt: z.iso.datetime({ offset: true, error: "Thời điểm gửi không hợp lệ" }).optional(),
});
export const ExtendTipDeadlineBodySchema = z.object({
  /** 1: extended to 2 months by the head of the investigation body; 2: 2 more months by the procuracy. */
  level: z.union([z.literal(1), z.literal(2)]),
});

export const ShownCountSchema = z.object({
  value: z.number().int().nullable(),
  display: z.string(),
  suppressed: z.boolean(),
});
export type ShownCount = z.infer<typeof ShownCountSchema>;

export const TipCountsQuerySchema = z.object({ orgUnitId: IdSchema.optional() });
export const TipCountsSchema = z.object({
  total: ShownCountSchema,
  byStatus: z.array(z.object({ status: TipStatusSchema, count: ShownCountSchema })),
  byCategory: z.array(z.object({ category: TipCategorySchema, count: ShownCountSchema })),
  overdue: ShownCountSchema,
  /** Web and staff-recorded reports alike, by how they reached the police. */
  byChannel: z.array(z.object({ channel: TipChannelSchema, count: ShownCountSchema })),
  /** `inbox`: the caller is police with tips routed to its units (the list of tips). */
  can: z.object({ inbox: z.boolean() }),
});

export const PublicUnitSchema = z.object({ id: IdSchema, name: z.string() });
export const PublicUnitsQuerySchema = z.object({ provinceId: IdSchema.optional() });
export const PublicUnitListSchema = z.object({ items: z.array(PublicUnitSchema) });
