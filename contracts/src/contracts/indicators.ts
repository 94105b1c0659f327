import { z } from "zod";

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
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.attendees",
    vi: "Lượt người tham dự",
    en: "Attendances",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.households",
    vi: "Lượt hộ tham dự",
    en: "Household attendances",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.students",
    vi: "Lượt học sinh, sinh viên",
    en: "Students reached",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.leaflets",
    vi: "Tờ rơi phát hành",
    en: "Leaflets",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.panels",
    vi: "Pa nô",
    en: "Panels",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.slogans",
    vi: "Khẩu hiệu",
    en: "Slogans",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.broadcast_items",
    vi: "Tin, bài phát thanh",
    en: "Broadcast items",
    unit: "count",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "activities.broadcast_hours",
    vi: "Giờ phát thanh",
    en: "Broadcast hours",
    unit: "hours",
    source: "activities",
    bodySplit: true,
  },
  {
    code: "groups.count",
    vi: "Số tổ, mô hình",
    en: "Teams and models",
    unit: "count",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "groups.members",
    vi: "Số thành viên tổ, mô hình",
    en: "Team and model members",
    unit: "count",
    source: "groups",
    bodySplit: false,
  },
  {
    code: "households.count",
    vi: "Số hộ gia đình",
    en: "Households",
    unit: "count",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.commitment_rate",
    vi: "Tỷ lệ hộ ký cam kết",
    en: "Households that signed the commitment",
    unit: "rate",
    source: "households",
    bodySplit: false,
  },
  {
    code: "households.member_commitment_rate",
    vi: "Tỷ lệ hộ hội viên, đoàn viên ký cam kết",
    en: "Member households that signed",
    unit: "rate",
    source: "households",
    bodySplit: true,
  },
  {
    code: "certification.residential_area_rate",
    vi: "Tỷ lệ khu dân cư đạt “An toàn về ANTT”",
    en: "Residential areas certified safe",
    unit: "rate",
    source: "certification",
    bodySplit: false,
  },
  {
    code: "certification.commune_rate",
    vi: "Tỷ lệ xã, phường đạt “An toàn về ANTT”",
    en: "Communes certified safe",
    unit: "rate",
    source: "certification",
    bodySplit: false,
  },
  {
    code: "certification.agency_rate",
    vi: "Tỷ lệ cơ quan, doanh nghiệp, nhà trường đạt “An toàn về ANTT”",
    en: "Agencies, enterprises and schools certified safe",
    unit: "rate",
    source: "certification",
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
  source: z.string(),
  bodySplit: z.boolean(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export function indicatorOf(code: IndicatorCode): Indicator {
  const found = INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}
