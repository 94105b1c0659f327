import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
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

const PlanContentSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1, "Số hiệu kế hoạch không được để trống")
    .max(100)
    .regex(/^[0-9]+\/[A-ZĐ0-9-]+(\/[A-ZĐ0-9-]+)*$/u, "Số hiệu dạng số/ký hiệu, ví dụ 279/KH-MTTQ-BCA"),
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

export const PlanSchema = z.object({
  id: IdSchema,
  number: z.string(),
  title: z.string(),
  issuedOn: IsoDateSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  issuers: z.array(z.object({ id: IdSchema, kind: BodyKindSchema, name: z.string() })),
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
});
export const PlanPageSchema = pageOf(PlanSummarySchema);
export const ListPlansQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

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
