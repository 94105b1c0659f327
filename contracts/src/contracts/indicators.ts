import { z } from "zod";
import { BodyKindSchema } from "../permissions";
import { IdSchema } from "../common";

/**
 * The indicator registry: every figure a plan target or a report can use. Each is a query over
 * records (server/src/modules/indicators); none is ever typed in as a total.
 */
export const INDICATORS = [
  {
    code: "activities.count",
    vi: "Số buổi, hoạt động",
    en: "Activities",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.attendees",
    vi: "Lượt người tham dự",
    en: "Attendances",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.households",
    vi: "Lượt hộ tham dự",
    en: "Household attendances",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.students",
    vi: "Lượt học sinh, sinh viên",
    en: "Students reached",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.leaflets",
    vi: "Tờ rơi phát hành",
    en: "Leaflets",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.panels",
    vi: "Pa nô",
    en: "Panels",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.slogans",
    vi: "Khẩu hiệu",
    en: "Slogans",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.broadcast_items",
    vi: "Tin, bài phát thanh",
    en: "Broadcast items",
    unit: "count",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.broadcast_hours",
    vi: "Giờ phát thanh",
    en: "Broadcast hours",
    unit: "hours",
    aggregation: "sum",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "groups.count",
    vi: "Số tổ, mô hình",
    en: "Teams and models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.members",
    vi: "Số thành viên tổ, mô hình",
    en: "Team and model members",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "households.count",
    vi: "Số hộ gia đình",
    en: "Households",
    unit: "count",
    aggregation: "stock",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.commitment_rate",
    vi: "Tỷ lệ hộ ký cam kết",
    en: "Households that signed the commitment",
    unit: "rate",
    aggregation: "rate",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.member_commitment_rate",
    vi: "Tỷ lệ hộ hội viên, đoàn viên ký cam kết",
    en: "Member households that signed",
    unit: "rate",
    aggregation: "rate",
    source: "households",
    bodySplit: true,
  },
  {
    code: "certification.residential_area_rate",
    vi: "Tỷ lệ khu dân cư đạt “An toàn về ANTT”",
    en: "Residential areas certified safe",
    unit: "rate",
    aggregation: "rate",
    source: "certification",
    bodySplit: false,
  },
  {
    code: "certification.commune_rate",
    vi: "Tỷ lệ xã, phường đạt “An toàn về ANTT”",
    en: "Communes certified safe",
    unit: "rate",
    aggregation: "rate",
    source: "certification",
    bodySplit: false,
  },
  {
    code: "certification.agency_rate",
    vi: "Tỷ lệ cơ quan, doanh nghiệp, nhà trường đạt “An toàn về ANTT”",
    en: "Agencies, enterprises and schools certified safe",
    unit: "rate",
    aggregation: "rate",
    source: "certification",
    bodySplit: false,
  },
  {
    code: "groups.teams",
    vi: "Số tổ (tổ tự quản, tổ an ninh…)",
    en: "Teams",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.models",
    vi: "Số mô hình tự phòng, tự quản",
    en: "Self-management models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  // Equipment and online groups of the models existing on the date (groups module).
  {
    code: "groups.cameras",
    vi: "Số camera an ninh của các mô hình",
    en: "Security cameras of models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.street_lights",
    vi: "Số đèn đường, đèn an ninh của các mô hình",
    en: "Street lights of models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.gates",
    vi: "Số cổng, rào an ninh của các mô hình",
    en: "Gates and fences of models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.online_channels",
    vi: "Số nhóm Zalo, mạng xã hội của các mô hình",
    en: "Online groups of models",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.online_channel_members",
    vi: "Số thành viên nhóm Zalo, mạng xã hội của các mô hình",
    en: "Members of models' online groups",
    unit: "count",
    aggregation: "stock",
    source: "groups",
    bodySplit: false,
  },
  // Pilots ("xây dựng điểm") decided by the date, evaluated, replicated (pilots module).
  {
    code: "pilots.designated",
    vi: "Số điểm xây dựng mô hình",
    en: "Pilots designated",
    unit: "count",
    aggregation: "stock",
    source: "pilots",
    bodySplit: false,
  },
  {
    code: "pilots.evaluated",
    vi: "Số điểm đã được đánh giá",
    en: "Pilots evaluated",
    unit: "count",
    aggregation: "stock",
    source: "pilots",
    bodySplit: false,
  },
  {
    code: "pilots.replicated",
    vi: "Số điểm đã được nhân rộng",
    en: "Pilots replicated",
    unit: "count",
    aggregation: "stock",
    source: "pilots",
    bodySplit: false,
  },
  {
    code: "pilots.replications",
    vi: "Số nơi nhân rộng mô hình điểm",
    en: "Units replicating a pilot",
    unit: "count",
    aggregation: "stock",
    source: "pilots",
    bodySplit: false,
  },
  {
    code: "households.signed",
    vi: "Số hộ ký cam kết trong năm",
    en: "Households that signed this year",
    unit: "count",
    aggregation: "stock",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.safe_families",
    vi: "Số hộ gia đình được công nhận an toàn về ANTT",
    en: "Households recognised as safe families",
    unit: "count",
    aggregation: "stock",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.safe_family_rate",
    vi: "Tỷ lệ hộ gia đình được công nhận an toàn về ANTT",
    en: "Households recognised as safe families (rate)",
    unit: "rate",
    aggregation: "rate",
    source: "households",
    bodySplit: false,
  },
  {
    code: "tips.received",
    vi: "Số tin báo, tố giác tiếp nhận",
    en: "Tips received",
    unit: "count",
    aggregation: "sum",
    source: "tips",
    bodySplit: false,
  },
  {
    code: "tips.transferred",
    vi: "Số tin báo chuyển cơ quan chức năng",
    en: "Tips transferred",
    unit: "count",
    aggregation: "sum",
    source: "tips",
    bodySplit: false,
  },
  {
    code: "tips.solved",
    vi: "Số vụ việc giải quyết nhờ tin báo",
    en: "Cases solved from tips",
    unit: "count",
    aggregation: "sum",
    source: "tips",
    bodySplit: false,
  },
  {
    code: "tips.arrests",
    vi: "Số đối tượng bị bắt giữ nhờ tin báo",
    en: "Arrests from tips",
    unit: "count",
    aggregation: "sum",
    source: "tips",
    bodySplit: false,
  },
  {
    code: "tips.people_handled",
    vi: "Số đối tượng bị xử lý nhờ tin báo",
    en: "People dealt with from tips",
    unit: "count",
    aggregation: "sum",
    source: "tips",
    bodySplit: false,
  },
  {
    code: "feedback.received",
    vi: "Số phản ánh, kiến nghị tiếp nhận",
    en: "Feedback received",
    unit: "count",
    aggregation: "sum",
    source: "feedback",
    bodySplit: false,
  },
  {
    code: "feedback.answered_on_time_rate",
    vi: "Tỷ lệ phản ánh được trả lời đúng hạn",
    en: "Feedback answered on time",
    unit: "rate",
    aggregation: "rate",
    source: "feedback",
    bodySplit: false,
  },
  {
    code: "reintegration.reeducated",
    vi: "Số người được giáo dục tại cộng đồng",
    en: "People re-educated in the community",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "reintegration.helped",
    vi: "Số người được giúp đỡ, cảm hóa",
    en: "People helped",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "reintegration.reformed",
    vi: "Số người tiến bộ, tái hòa nhập",
    en: "People reformed and reintegrated",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "social_evils.help_instances",
    vi: "Lượt đối tượng tệ nạn xã hội được tiếp nhận giúp đỡ, giáo dục",
    en: "Social-evil help instances received",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "social_evils.help_persons",
    vi: "Số người có tệ nạn xã hội được giúp đỡ, giáo dục",
    en: "People with social evils helped",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "social_evils.reformed_instances",
    vi: "Lượt đối tượng hoàn lương",
    en: "Help instances ending reformed",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "social_evils.community_educated",
    vi: "Số người được cảm hóa, giáo dục trước cộng đồng",
    en: "People educated before the community",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  {
    code: "drugs.rehab_referrals",
    vi: "Lượt người sử dụng ma túy được đưa đi cai nghiện",
    en: "Referrals to drug rehabilitation",
    unit: "count",
    aggregation: "sum",
    source: "reintegration",
    bodySplit: false,
  },
  // The festival day 19/8 (festivals held in the period, by their held day) and training rosters.
  {
    code: "festivals.held",
    vi: "Số nơi tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    en: "Festivals 19/8 held",
    unit: "count",
    aggregation: "sum",
    source: "festivals",
    bodySplit: false,
  },
  {
    code: "festivals.held_communes",
    vi: "Số xã, phường, đặc khu tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    en: "Communes holding the festival 19/8",
    unit: "count",
    aggregation: "sum",
    source: "festivals",
    bodySplit: false,
  },
  {
    code: "festivals.attendees",
    vi: "Lượt người tham dự Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    en: "Festival 19/8 attendees",
    unit: "count",
    aggregation: "sum",
    source: "festivals",
    bodySplit: false,
  },
  {
    code: "festivals.awards",
    vi: "Số khen thưởng trao tại Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    en: "Commendations presented at festivals 19/8",
    unit: "count",
    aggregation: "sum",
    source: "festivals",
    bodySplit: false,
  },
  {
    code: "trainings.trainees",
    vi: "Lượt học viên được tập huấn, bồi dưỡng",
    en: "Trainees of training courses",
    unit: "count",
    aggregation: "sum",
    source: "trainings",
    bodySplit: false,
  },
] as const;

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
