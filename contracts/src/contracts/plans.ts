import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf, pageWithAbilitiesOf } from "../common";
import { BodyKindSchema } from "../permissions";
import { IndicatorCodeSchema } from "./indicators";

export const COMPARATORS = ["gte", "gt", "lte", "lt", "eq"] as const;
export const ComparatorSchema = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof ComparatorSchema>;

const Year = z.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ");

export const PlanTaskInputSchema = z.object({
  title: z.string().trim().min(1, "Nội dung nhiệm vụ không được để trống").max(2000),
  description: z.string().trim().max(10_000).optional(),
  /** Bodies (by kind, at every level of the plan's scope) responsible for the task. */
  bodyKinds: z.array(BodyKindSchema).max(10).default([]),
});

export const PlanMilestoneInputSchema = z.object({
  year: Year,
  text: z.string().trim().min(1, "Nội dung mốc không được để trống").max(2000),
});

export const PlanTargetInputSchema = z.object({
  indicator: IndicatorCodeSchema,
  comparator: ComparatorSchema,
  /** Counts as numbers; rates as fractions (0.8 = 80%). */
  value: z.number().min(0, "Giá trị chỉ tiêu không được âm").max(1e12),
  year: Year,
  /** Split by body: the indicator counted for this body only. */
  bodyKind: BodyKindSchema.optional(),
  /** Pushed down: the target applies to this unit inside the plan's scope. */
  orgUnitId: IdSchema.optional(),
  label: z.string().trim().max(500).optional(),
});

// ---- Document numbers (số, ký hiệu) ----

/** One part of a ký hiệu: upper-case initials, digits allowed after the first letter (BCĐ138, TTg). */
const SIGN = String.raw`[A-ZĐ][A-Za-zĐđ0-9]*`;
/**
 * The number of an official document as it is written after "Số":
 * - State and Front documents (Decree 30/2020, Appendix I): number, then "/", then the ký hiệu —
 *   the document type's abbreviation and the issuing body's, joined by "-" (279/KH-MTTQ-BCA,
 *   156/KH-MTTQ); a legal normative document carries its year between (05/2020/NĐ-CP).
 * - Party documents (Party Central Office's rules on Party documents): number, "-", the type's
 *   abbreviation, "/", the issuing committee (20-CTr/TU, 09-CT/TW, 35-NQ/TW).
 * - Projects known by a number pair (Đề án 01-138), and documents cited by their number alone
 *   (Kế hoạch số 165).
 */
export const DOCUMENT_NUMBER = new RegExp(
  [
    String.raw`^[0-9]{1,5}(\/[0-9]{4})?\/${SIGN}(-${SIGN})*$`,
    String.raw`^[0-9]{1,5}-${SIGN}\/${SIGN}(-${SIGN})*$`,
    String.raw`^[0-9]{1,5}-[0-9]{1,5}$`,
    String.raw`^[0-9]{1,5}$`,
  ].join("|"),
  "u",
);
export const DocumentNumberSchema = z
  .string()
  .trim()
  .min(1, "Số hiệu không được để trống")
  .max(100)
  .regex(DOCUMENT_NUMBER, "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA hoặc 20-CTr/TU");

/** A plan (kế hoạch) or a coordination programme signed by the police and one member organisation. */
export const PLAN_KINDS = ["plan", "coordination_programme"] as const;
export const PlanKindSchema = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKindSchema>;

const PlanContentSchema = z.object({
  number: DocumentNumberSchema,
  kind: PlanKindSchema.default("plan"),
  /** The source documents (directives, programmes, higher plans) the plan implements. */
  sourceIds: z.array(IdSchema).max(10).default([]),
  title: z.string().trim().min(1, "Trích yếu không được để trống").max(1000),
  issuedOn: IsoDateSchema,
  periodFrom: Year,
  periodTo: Year,
  issuerBodyIds: z.array(IdSchema).min(1, "Cần ít nhất một cơ quan ban hành").max(20),
  tasks: z.array(PlanTaskInputSchema).max(100).default([]),
  milestones: z.array(PlanMilestoneInputSchema).max(200).default([]),
  targets: z.array(PlanTargetInputSchema).max(200).default([]),
});
const periodInOrder = {
  path: ["periodTo"],
  message: "Năm kết thúc phải sau năm bắt đầu",
};
export const CreatePlanBodySchema = PlanContentSchema.extend({ orgUnitId: IdSchema }).refine(
  (p) => p.periodTo >= p.periodFrom,
  periodInOrder,
);
/** A plan is corrected by sending its whole content again; its unit does not change. */
export const UpdatePlanBodySchema = PlanContentSchema.refine(
  (p) => p.periodTo >= p.periodFrom,
  periodInOrder,
);
export type UpdatePlanBody = z.infer<typeof UpdatePlanBodySchema>;
export type CreatePlanBody = z.infer<typeof CreatePlanBodySchema>;

export const TARGET_STATUSES = ["met", "not_met", "no_data", "not_started"] as const;
export const PlanProgressSchema = z.object({
  planId: IdSchema,
  asOf: IsoDateSchema,
  targets: z.array(
    z.object({
      targetId: IdSchema,
      indicator: IndicatorCodeSchema,
      comparator: ComparatorSchema,
      value: z.number(),
      year: z.number().int(),
      bodyKind: BodyKindSchema.nullable(),
      orgUnitId: IdSchema,
      orgUnitName: z.string(),
      /** Computed from records; null when the source module has no data yet. */
      actual: z.number().nullable(),
      status: z.enum(TARGET_STATUSES),
    }),
  ),
});
export type PlanProgress = z.infer<typeof PlanProgressSchema>;

// ---- Source documents: Party directives, programmes, resolutions, projects, higher plans ----

export const SOURCE_KINDS = [
  "chi_thi",
  "chuong_trinh",
  "nghi_quyet",
  "ket_luan",
  "de_an",
  "ke_hoach",
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;
/** The level of the issuer: Party Central / Government, province, district (before 2025), commune. */
export const SOURCE_LEVELS = ["central", "province", "district", "commune"] as const;
export const SourceLevelSchema = z.enum(SOURCE_LEVELS);

export const CreatePlanSourceBodySchema = z.object({
  kind: SourceKindSchema,
  number: DocumentNumberSchema,
  issuedOn: IsoDateSchema,
  /** The issuing body as written: "Ban Bí thư (khóa XI)", "Ban Thường vụ Thành ủy". */
  issuer: z.string().trim().min(1, "Cơ quan ban hành không được để trống").max(300),
  title: z.string().trim().min(1, "Trích yếu không được để trống").max(1000),
  level: SourceLevelSchema,
  /** The higher source this one implements (a programme implementing a directive). */
  implementsId: IdSchema.optional(),
  /** The unit that registers the source; its subtree and the units above read it. */
  orgUnitId: IdSchema,
});
export type CreatePlanSourceBody = z.infer<typeof CreatePlanSourceBodySchema>;

export const PlanSourceRefSchema = z.object({
  id: IdSchema,
  kind: SourceKindSchema,
  number: z.string(),
  issuedOn: IsoDateSchema,
  issuer: z.string(),
  title: z.string(),
});
export type PlanSourceRef = z.infer<typeof PlanSourceRefSchema>;

export const PlanSourceSchema = PlanSourceRefSchema.extend({
  level: SourceLevelSchema,
  implements: PlanSourceRefSchema.nullable(),
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  /** Plans the caller can read that implement it. */
  planCount: z.number().int(),
  createdAt: z.string(),
});
export type PlanSource = z.infer<typeof PlanSourceSchema>;
export const PlanSourcePageSchema = pageOf(PlanSourceSchema);
export const ListPlanSourcesQuerySchema = PageQuerySchema.extend({
  kind: SourceKindSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

// ---- Reviews: yearly (a coordination programme), sơ kết 5 năm / tổng kết 10 năm against a source ----

export const REVIEW_KINDS = ["yearly", "five_year", "ten_year"] as const;
export const ReviewKindSchema = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;

export const RecordPlanReviewBodySchema = z.object({
  kind: ReviewKindSchema,
  /** The year the review closes (the yearly review of 2025; the five-year review held in 2017). */
  year: Year,
  reviewedOn: IsoDateSchema,
  /** The source document reviewed against; must be one the plan implements. */
  sourceId: IdSchema.optional(),
  findings: z.string().trim().min(1, "Nội dung đánh giá không được để trống").max(20_000),
});
export type RecordPlanReviewBody = z.infer<typeof RecordPlanReviewBodySchema>;

export const PlanReviewSchema = z.object({
  id: IdSchema,
  kind: ReviewKindSchema,
  year: z.number().int(),
  reviewedOn: IsoDateSchema,
  source: PlanSourceRefSchema.nullable(),
  findings: z.string(),
  /** The plan's targets computed from the records on the day the review was recorded. */
  figures: PlanProgressSchema.shape.targets,
  createdAt: z.string(),
});
export type PlanReview = z.infer<typeof PlanReviewSchema>;

/** What the caller may do with a plan now (computed by the server: plan.manage at its unit). */
export const PlanAbilitiesSchema = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  review: z.boolean(),
});
export type PlanAbilities = z.infer<typeof PlanAbilitiesSchema>;

export const PlanSchema = z.object({
  id: IdSchema,
  number: z.string(),
  title: z.string(),
  issuedOn: IsoDateSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  kind: PlanKindSchema,
  issuers: z.array(z.object({ id: IdSchema, kind: BodyKindSchema, name: z.string() })),
  /** The source documents the plan implements ("Thực hiện Chương trình số 20-CTr/TU…"). */
  sources: z.array(PlanSourceRefSchema),
  reviews: z.array(PlanReviewSchema),
  tasks: z.array(
    z.object({
      id: IdSchema,
      ordinal: z.number().int(),
      title: z.string(),
      description: z.string().nullable(),
      bodyKinds: z.array(BodyKindSchema),
    }),
  ),
  milestones: z.array(z.object({ id: IdSchema, year: z.number().int(), text: z.string() })),
  targets: z.array(
    z.object({
      id: IdSchema,
      indicator: IndicatorCodeSchema,
      comparator: ComparatorSchema,
      value: z.number(),
      year: z.number().int(),
      bodyKind: BodyKindSchema.nullable(),
      orgUnitId: IdSchema.nullable(),
      orgUnitName: z.string().nullable(),
      label: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  can: PlanAbilitiesSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanSummarySchema = PlanSchema.pick({
  id: true,
  number: true,
  title: true,
  issuedOn: true,
  orgUnitId: true,
  orgUnitName: true,
  periodFrom: true,
  periodTo: true,
  kind: true,
});
export const PlanPageSchema = pageWithAbilitiesOf(PlanSummarySchema);
export const ListPlansQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  kind: PlanKindSchema.optional(),
  /** Plans implementing this source document. */
  sourceId: IdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// ---- Plans of the levels above that a unit implements (operationId listImplementedPlans) ----

export const ListImplementedPlansQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * How a plan's target reaches the implementing unit: `assigned` — the plan gives this unit its own
 * target; `same_rate` — a plan-wide rate, which every unit is held to; `contribution` — a plan-wide
 * count, to which the unit contributes what its own records show (no share of its own).
 */
export const SHARE_KINDS = ["assigned", "same_rate", "contribution"] as const;
export const IMPLEMENTED_TARGET_STATUSES = [...TARGET_STATUSES, "no_target"] as const;

export const ImplementedPlanSchema = PlanSummarySchema.extend({
  /** The caller's unit that implements the plan (below the plan's unit). */
  implementingUnitId: IdSchema,
  implementingUnitName: z.string(),
  tasks: z.array(
    z.object({ ordinal: z.number().int(), title: z.string(), bodyKinds: z.array(BodyKindSchema) }),
  ),
  share: z.array(
    z.object({
      targetId: IdSchema,
      indicator: IndicatorCodeSchema,
      comparator: ComparatorSchema,
      year: z.number().int(),
      bodyKind: BodyKindSchema.nullable(),
      label: z.string().nullable(),
      kind: z.enum(SHARE_KINDS),
      /** The plan's own figure (for the plan's unit, or for the unit the target was given to). */
      planValue: z.number(),
      /** The implementing unit's target: assigned, or the plan-wide rate; null for a contribution. */
      target: z.number().nullable(),
      /** Computed now from the implementing unit's records; null when the source has no data. */
      actual: z.number().nullable(),
      status: z.enum(IMPLEMENTED_TARGET_STATUSES),
    }),
  ),
});
export type ImplementedPlan = z.infer<typeof ImplementedPlanSchema>;
export const ImplementedPlansSchema = z.object({ items: z.array(ImplementedPlanSchema) });
export type ImplementedPlans = z.infer<typeof ImplementedPlansSchema>;
