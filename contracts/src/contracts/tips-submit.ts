// Citizen tips: categories, limits, receipt codes and the public submission and lookup bodies.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import { parseVnDate } from "../vn-input";

export const TIP_CATEGORIES = [
  "drugs",
  "theft",
  "fraud",
  "cyber_crime",
  "gambling",
  "violence",
  "loan_sharks",
  "human_trafficking",
  "smuggling",
  "other",
] as const;
export const TipCategorySchema = z.enum(TIP_CATEGORIES, { error: "Loại tin không hợp lệ" });
export type TipCategory = (typeof TIP_CATEGORIES)[number];

export const TIP_CATEGORY_LABELS: Record<TipCategory, { vi: string; en: string }> = {
  drugs: { vi: "Ma túy", en: "Drugs" },
  theft: { vi: "Trộm cắp, cướp giật", en: "Theft, robbery" },
  fraud: { vi: "Lừa đảo", en: "Fraud" },
  cyber_crime: { vi: "Tội phạm mạng", en: "Cyber crime" },
  gambling: { vi: "Cờ bạc, cá độ", en: "Gambling" },
  violence: { vi: "Bạo lực, gây rối", en: "Violence, disorder" },
  loan_sharks: { vi: "Tín dụng đen", en: "Loan sharks" },
  human_trafficking: { vi: "Mua bán người", en: "Human trafficking" },
  smuggling: { vi: "Buôn lậu, hàng giả", en: "Smuggling, counterfeits" },
  other: { vi: "Khác", en: "Other" },
};

export const TIP_LIMITS = {
  descriptionMin: 10,
  descriptionMax: 5000,
  placeMax: 500,
  messageMax: 3000,
  attachmentsMax: 3,
  /** Decoded bytes per attachment. */
  attachmentBytesMax: 2 * 1024 * 1024,
} as const;

/** Receipt codes use an alphabet without look-alikes (no 0/O, 1/I/L, U/V). */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const TipCodeSchema = z
  .string({ error: "Nhập mã tiếp nhận" })
  .trim()
  .toUpperCase()
  .regex(/^[TP][A-Z0-9]{4}-?[A-Z0-9]{4}$/, "Mã tiếp nhận không hợp lệ")
  .transform((c) => (c.includes("-") ? c : `${c.slice(0, 5)}-${c.slice(5)}`));
export const SecretSchema = z
  .string({ error: "Nhập mã bí mật" })
  .trim()
  .toUpperCase()
  .max(60, "Mã bí mật không hợp lệ")
  .transform((v) => v.replace(/[^A-Z0-9]/g, ""))
  .refine((v) => v.length >= 16, "Mã bí mật không hợp lệ");

export const AttachmentInputSchema = z.object({
  filename: z.string().trim().max(120).optional(),
  /** The file's bytes in base64; images are re-encoded without metadata, PDFs checked by content. */
  contentBase64: z
    .string()
    .max(Math.ceil((TIP_LIMITS.attachmentBytesMax * 4) / 3) + 8, "Tệp đính kèm tối đa 2 MB"),
});

export const ContactInputSchema = z.object({
  /** Explicit opt-in: contact details are kept only when the citizen ticks the box. */
  consent: z.literal(true, { error: "Cần đồng ý để lưu thông tin liên hệ" }),
  /** The consent text version shown with the box (privacy's consent_texts, purpose tip_contact); kept with the tip. */
  consentTextId: IdSchema.optional(),
  name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(200).optional(),
});

/**
 * A calendar date typed by a citizen: dd/mm/yyyy (what the portal's form shows on every phone,
 * whatever its locale; vn-input.ts) or yyyy-mm-dd; answered as yyyy-mm-dd.
 */
export const TypedDateSchema = z
  .string()
  .trim()
  .transform((v) => parseVnDate(v, "/.-") ?? v)
  .pipe(z.iso.date("Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/11/2026"));

export const SubmitTipBodySchema = z
  .object({
    category: TipCategorySchema,
    description: z
      .string({ error: "Nhập nội dung tin báo" })
      .trim()
      .min(TIP_LIMITS.descriptionMin, `Nội dung tối thiểu ${TIP_LIMITS.descriptionMin} ký tự`)
      .max(TIP_LIMITS.descriptionMax, `Nội dung tối đa ${TIP_LIMITS.descriptionMax} ký tự`),
    provinceId: IdSchema.optional(),
    communeId: IdSchema.optional(),
    place: z.string().trim().max(TIP_LIMITS.placeMax).optional(),
    occurredOn: TypedDateSchema.optional(),
    occurredTime: z.string().trim().max(100).optional(),
    contact: ContactInputSchema.optional(),
    attachments: z
      .array(AttachmentInputSchema)
      .max(TIP_LIMITS.attachmentsMax, `Tối đa ${TIP_LIMITS.attachmentsMax} tệp`)
      .optional(),
  })
  // Checked together with the fields above, so one answer names every missing field.
  .refine((b) => Boolean(b.provinceId || b.communeId), {
    path: ["provinceId"],
    message: "Chọn tỉnh, thành phố nơi xảy ra vụ việc",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });
export type SubmitTipBody = z.infer<typeof SubmitTipBodySchema>;

export const SubmitTipResultSchema = z.object({
  code: z.string(),
  /** Shown once; the server keeps only a keyed hash of it. */
  secret: z.string(),
  receivedOn: IsoDateSchema,
  routedTo: z.string(),
});
export type SubmitTipResult = z.infer<typeof SubmitTipResultSchema>;

export const TipLookupBodySchema = z.object({ code: TipCodeSchema, secret: SecretSchema });

/**
 * The consent under which a citizen's contact details are kept (tips and feedback), as the citizen
 * sees it on the look-up page: given (with what withdrawing it means, in the words of the version
 * agreed to) or withdrawn on a day (the details were erased then). Null: no contact details left.
 */
export const ContactConsentStateSchema = z
  .object({
    state: z.enum(["given", "withdrawn"]),
    version: z.number().int().nullable(),
    withdrawnOn: IsoDateSchema.nullable(),
    withdrawalConsequence: z.string().nullable(),
  })
  .nullable();
export type ContactConsentState = z.infer<typeof ContactConsentStateSchema>;
export const ReplyToTipBodySchema = TipLookupBodySchema.extend({
  body: z
    .string({ error: "Nhập nội dung" })
    .trim()
    .min(1, "Nhập nội dung")
    .max(TIP_LIMITS.messageMax, `Tối đa ${TIP_LIMITS.messageMax} ký tự`),
});
