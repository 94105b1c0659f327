import { z } from "zod";
import { BodyKindSchema } from "../permissions";
import { IdSchema } from "../common";

import { INDICATORS } from "./indicator-list";

export { INDICATORS };

export type IndicatorCode = (typeof INDICATORS)[number]["code"];
export const IndicatorCodeSchema = z.enum(
  INDICATORS.map((i) => i.code) as [IndicatorCode, ...IndicatorCode[]],
);
export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  vi: z.string(),
  en: z.string(),
  unit: z.enum(["count", "rate", "hours"]),
  /** sum: a flow added over the period; stock: read on the period's last day; rate: a share (0–1). */
  aggregation: z.enum(["sum", "stock", "rate"]),
  source: z.string(),
  bodySplit: z.boolean(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export function indicatorOf(code: IndicatorCode): Indicator {
  const found = INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}

// ---- Query API and dashboards (operationIds queryIndicators, getDashboard) ----

export const INDICATOR_GROUP_BY = ["child", "body", "kind", "topic", "period"] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BY)[number];

const codesList = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(IndicatorCodeSchema).min(1, "Chọn ít nhất một chỉ tiêu").max(40, "Tối đa 40 chỉ tiêu"));

const IsoDay = z.iso.date({ error: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" });

export const QueryIndicatorsQuerySchema = z
  .object({
    /** Comma-separated indicator codes. */
    indicators: codesList,
    orgUnitId: IdSchema,
    from: IsoDay,
    to: IsoDay,
    groupBy: z.enum(INDICATOR_GROUP_BY).optional(),
    /** The tree at this date (children, and units valid then); today when absent. */
    at: IsoDay.optional(),
    bodyKind: BodyKindSchema.optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu",
    path: ["to"],
  })
  .refine((q) => q.from >= "2000-01-01" && q.to <= "2100-12-31", {
    message: "Khoảng thời gian ngoài phạm vi cho phép",
    path: ["from"],
  });
export type QueryIndicatorsQuery = z.infer<typeof QueryIndicatorsQuerySchema>;

const Values = z.record(z.string(), z.number().nullable());

export const IndicatorResultSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.string(),
  groupBy: z.enum(INDICATOR_GROUP_BY).nullable(),
  indicators: z.array(IndicatorCodeSchema),
  /** Per indicator: the figure, or null = no data. */
  totals: Values,
  groups: z.array(z.object({ key: z.string(), label: z.string(), values: Values })).optional(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

export const DashboardQuerySchema = z.object({
  orgUnitId: IdSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DASHBOARD_STATUSES = ["met", "on_track", "behind", "no_target", "no_data"] as const;
export const DashboardSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  orgUnitKind: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  breadcrumb: z.array(z.object({ id: z.string(), name: z.string() })),
  tiles: z.array(
    z.object({
      code: IndicatorCodeSchema,
      value: z.number().nullable(),
      target: z.number().nullable(),
      comparator: z.string().nullable(),
      status: z.enum(DASHBOARD_STATUSES),
    }),
  ),
  /** Monthly values of the flow indicators, "YYYY-MM" → value. */
  trend: z.array(z.object({ month: z.string(), values: Values })),
  /** Children ranked by the first indicator (activities), with all tile values. */
  children: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), rank: z.number().int(), values: Values }),
  ),
  /**
   * Present only when a read replica (DATABASE_READ_URL) served the figures: how far behind the
   * primary it was, in whole seconds (0: it had replayed everything the primary had written).
   */
  replica: z.object({ lagSeconds: z.number().int().min(0) }).optional(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
