// Citizen tips: staff intake (tiếp nhận tin báo trực tiếp, qua điện thoại, thư, cán bộ chuyển đến).
import { z } from "zod";
import { IdSchema } from "../common";
import { IntakeChannelSchema } from "./tips-police";
import {
  AttachmentInputSchema,
  SubmitTipResultSchema,
  TIP_LIMITS,
  TipCategorySchema,
  TypedDateSchema,
} from "./tips-submit";

/** The legal source shown on the intake form and the intake record. */
export const TIP_INTAKE_BASIS =
  "Căn cứ: Điều 145, 146 Bộ luật Tố tụng hình sự 2015; Thông tư liên tịch 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC (Điều 5, 8, 14).";

/** A Vietnam local date and time, "2026-12-03T09:30" (what a datetime-local field sends). */
export const LocalDateTimeSchema = z
  .string({ error: "Nhập thời điểm tiếp nhận" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Thời điểm không hợp lệ (ngày và giờ, ví dụ 03/12/2026 09:30)");

const IntakeText = (max: number, message: string) => z.string().trim().max(max, message);

export const RecordTipIntakeBodySchema = z
  .object({
    channel: IntakeChannelSchema,
    /** The commune (or province) whose police receive it: one the caller may record for. */
    orgUnitId: IdSchema,
    /** When it was received (Vietnam time); the clocks run from this hour. */
    receivedAt: LocalDateTimeSchema,
    receivedPlace: IntakeText(300, "Nơi tiếp nhận tối đa 300 ký tự").optional(),
    /** Who received it: the officer or cadre, as written on the record. */
    receiverName: z
      .string({ error: "Nhập họ tên người tiếp nhận" })
      .trim()
      .min(2, "Nhập họ tên người tiếp nhận")
      .max(200, "Họ tên tối đa 200 ký tự"),
    receiverPosition: IntakeText(200, "Chức vụ tối đa 200 ký tự").optional(),
    /** The cadre who passed it on (channel "cadre" recorded by the police). */
    passedOnByName: IntakeText(200, "Họ tên tối đa 200 ký tự").optional(),
    passedOnByOrganisation: IntakeText(200, "Tên tổ chức tối đa 200 ký tự").optional(),
    /** The reporter chose not to give their name (anonymous report). */
    anonymous: z.boolean({ error: "Chọn người báo có nêu danh tính hay không" }),
    reporterName: IntakeText(200, "Họ tên tối đa 200 ký tự").optional(),
    reporterBirthYear: z
      .number()
      .int()
      .min(1900, "Năm sinh không hợp lệ")
      .max(2100, "Năm sinh không hợp lệ")
      .optional(),
    reporterAddress: IntakeText(500, "Địa chỉ tối đa 500 ký tự").optional(),
    reporterIdentityNumber: IntakeText(20, "Số định danh tối đa 20 ký tự").optional(),
    reporterPhone: IntakeText(30, "Số điện thoại tối đa 30 ký tự").optional(),
    /** CPC Art. 56: the reporter asked that their identity be kept confidential. */
    confidentialityRequested: z.boolean().default(false),
    category: TipCategorySchema,
    description: z
      .string({ error: "Nhập nội dung tin báo" })
      .trim()
      .min(TIP_LIMITS.descriptionMin, `Nội dung tối thiểu ${TIP_LIMITS.descriptionMin} ký tự`)
      .max(TIP_LIMITS.descriptionMax, `Nội dung tối đa ${TIP_LIMITS.descriptionMax} ký tự`),
    place: z.string().trim().max(TIP_LIMITS.placeMax).optional(),
    occurredOn: TypedDateSchema.optional(),
    occurredTime: z.string().trim().max(100).optional(),
    /** Scan or photo of the signed intake record (biên bản tiếp nhận). */
    signedRecord: AttachmentInputSchema.optional(),
    /** The letter itself, or other documents handed over. */
    attachments: z
      .array(AttachmentInputSchema)
      .max(TIP_LIMITS.attachmentsMax - 1, `Tối đa ${TIP_LIMITS.attachmentsMax - 1} tệp kèm theo`)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.anonymous && !b.reporterName) {
      ctx.addIssue({
        code: "custom",
        path: ["reporterName"],
        message: 'Nhập họ tên người báo, hoặc chọn "Người báo không nêu danh tính"',
      });
    }
  });
export type RecordTipIntakeBody = z.infer<typeof RecordTipIntakeBodySchema>;

export const RecordTipIntakeResultSchema = SubmitTipResultSchema.extend({
  tipId: IdSchema,
  channel: IntakeChannelSchema,
  /** "2026-12-03T09:30", Vietnam time, as recorded. */
  receivedAt: z.string(),
});
export type RecordTipIntakeResult = z.infer<typeof RecordTipIntakeResultSchema>;

/** Where and how the caller may record an intake (the form asks; the command enforces the same). */
export const TipIntakeOptionsSchema = z.object({
  units: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.enum(["province", "commune"]) })),
  /** Police may record any channel; a cadre records only what they pass on ("cadre"). */
  channels: z.array(IntakeChannelSchema),
  can: z.object({ record: z.boolean() }),
});
export type TipIntakeOptions = z.infer<typeof TipIntakeOptionsSchema>;
