// Request and response schemas of the safe families ("gia đình an toàn về an ninh, trật tự") of the
// households module: a household recognised for a year, withdrawn with a reason, the residential
// area's yearly review in one go, and the totals (households, recognised, rate) of a unit's subtree.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";

/**
 * Who recognises a safe family. Circular 124/2021/TT-BCA regulates residential areas, communes,
 * agencies, enterprises and schools, not households (domain-rules §1a); it only asks that 100 % of the
 * households living in an area register for the movement (Art. 4, §1b). The household title comes
 * from provincial practice: the area's yearly review ("bình xét") and the commune's recognition.
 * [?] The deciding body per province is unverified, so both levels are accepted and named in text.
 */
export const SAFE_FAMILY_DECIDER_LEVELS = ["residential_area", "commune"] as const;
export const SafeFamilyDeciderLevelSchema = z.enum(SAFE_FAMILY_DECIDER_LEVELS, {
  error: "Cấp công nhận không hợp lệ",
});
export type SafeFamilyDeciderLevel = z.infer<typeof SafeFamilyDeciderLevelSchema>;

export const SAFE_FAMILY_LIMITS = {
  decidedByMax: 200,
  numberMax: 64,
  noteMax: 1000,
  reviewMax: 1000,
} as const;

const safeFamilyYear = z.coerce
  .number({ error: "Năm phải là số" })
  .int("Năm phải là số nguyên")
  .min(2000, "Năm không được trước 2000")
  .max(2100, "Năm không hợp lệ");

const decisionFields = {
  year: safeFamilyYear,
  decidedLevel: SafeFamilyDeciderLevelSchema,
  decidedBy: z
    .string({ error: "Chưa nhập cơ quan công nhận" })
    .trim()
    .min(1, "Chưa nhập cơ quan công nhận")
    .max(SAFE_FAMILY_LIMITS.decidedByMax, `Tối đa ${SAFE_FAMILY_LIMITS.decidedByMax} ký tự`),
  decidedOn: IsoDateSchema,
  decisionNumber: z.string().trim().min(1).max(SAFE_FAMILY_LIMITS.numberMax).optional(),
  note: z.string().trim().max(SAFE_FAMILY_LIMITS.noteMax).optional(),
};

export const RecordSafeFamilyBodySchema = z.strictObject(decisionFields);
export type RecordSafeFamilyBody = z.infer<typeof RecordSafeFamilyBodySchema>;

/** The residential area's yearly review: the households recognised, all under one decision. */
export const RecordSafeFamiliesBodySchema = z.strictObject({
  ...decisionFields,
  orgUnitId: IdSchema,
  householdIds: z
    .array(IdSchema)
    .min(1, "Chưa chọn hộ nào")
    .max(SAFE_FAMILY_LIMITS.reviewMax, `Tối đa ${SAFE_FAMILY_LIMITS.reviewMax} hộ mỗi lần`)
    .refine((a) => new Set(a).size === a.length, "Hộ bị chọn lặp"),
});
export type RecordSafeFamiliesBody = z.infer<typeof RecordSafeFamiliesBodySchema>;
export const RecordSafeFamiliesResultSchema = z.object({
  recorded: z.number().int(),
  /** Households already recognised for the year (left as they were). */
  alreadyRecognised: z.number().int(),
});

export const WithdrawSafeFamilyBodySchema = z.strictObject({
  withdrawnOn: IsoDateSchema,
  reason: z
    .string({ error: "Chưa nhập lý do thu hồi" })
    .trim()
    .min(1, "Chưa nhập lý do thu hồi")
    .max(SAFE_FAMILY_LIMITS.noteMax, `Tối đa ${SAFE_FAMILY_LIMITS.noteMax} ký tự`),
});
export type WithdrawSafeFamilyBody = z.infer<typeof WithdrawSafeFamilyBodySchema>;

export const SafeFamilySchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  year: z.number().int(),
  decidedLevel: SafeFamilyDeciderLevelSchema,
  decidedBy: z.string(),
  decidedOn: IsoDateSchema,
  decisionNumber: z.string().nullable(),
  note: z.string().nullable(),
  withdrawnOn: IsoDateSchema.nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
});
export type SafeFamily = z.infer<typeof SafeFamilySchema>;

/** One household of an area's yearly review and its recognition for the year, if any. */
export const SafeFamilyReviewRowSchema = z.object({
  householdId: IdSchema,
  code: z.string().nullable(),
  headName: z.string(),
  address: z.string(),
  recognition: SafeFamilySchema.nullable(),
});
export const SafeFamilyReviewSchema = z.object({
  orgUnitId: IdSchema,
  year: z.number().int(),
  /** The households of the area counted for the year (registered by 31/12, not moved out). */
  items: z.array(SafeFamilyReviewRowSchema),
});
export type SafeFamilyReview = z.infer<typeof SafeFamilyReviewSchema>;
export const SafeFamilyReviewQuerySchema = z.object({ orgUnitId: IdSchema, year: safeFamilyYear });

export const SafeFamilyFiguresSchema = z.object({
  households: z.number().int(),
  recognised: z.number().int(),
  /** recognised / households, 4 decimals; null when there are no households. */
  rate: z.number().nullable(),
});
export type SafeFamilyFigures = z.infer<typeof SafeFamilyFiguresSchema>;
export const SafeFamilyTotalsQuerySchema = z.object({
  orgUnitId: IdSchema,
  year: safeFamilyYear,
  groupBy: z.enum(["child"]).optional(),
});
export type SafeFamilyTotalsQuery = z.infer<typeof SafeFamilyTotalsQuerySchema>;
export const SafeFamilyTotalsSchema = SafeFamilyFiguresSchema.extend({
  orgUnitId: IdSchema,
  year: z.number().int(),
  children: z
    .array(SafeFamilyFiguresSchema.extend({ orgUnitId: IdSchema, name: z.string(), kind: z.string() }))
    .optional(),
});
export type SafeFamilyTotals = z.infer<typeof SafeFamilyTotalsSchema>;
