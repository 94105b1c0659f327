import type { BodyKind } from "@toandan/contracts";

/**
 * The figures of the seed articles, as specifications of the demo history's records: how many
 * activities and groups of each kind, at which pre-reform units, over which years.
 */

export type FigureKey =
  | "attendees"
  | "households"
  | "students"
  | "leaflets"
  | "panels"
  | "slogans"
  | "broadcastItems"
  | "broadcastHours";

export type ActivitySpec = {
  kind: string;
  count: number;
  /** Totals split over the records so that they add up exactly (every record gets at least `min`). */
  figures: Partial<Record<FigureKey, number>>;
  /** Lower bound of each record's share of a total (a broadcast carries at least one item). */
  min?: Partial<Record<FigureKey, number>>;
  /** Per-record values picked from a list, with no total to reach. */
  each?: Partial<Record<FigureKey, number[]>>;
  /**
   * Broadcasts aired on loudspeaker clusters: `hours` in all (split in quarter hours), the minutes
   * an airing is picked from `minutes` so that the airings are whole, the clusters between
   * `stations` dividing the airings (0, not recorded, when none does).
   */
  airings?: { hours: number; minutes: number[]; stations: [number, number] };
  organizers: BodyKind[][];
  topics: string[];
  from: string;
  to: string;
};

export const SEED_004 =
  "Dữ liệu minh họa theo bài sơ kết 05 năm Chỉ thị 09 của thành phố Bạc Liêu (29/05/2017)";
export const SEED_000 =
  "Dữ liệu minh họa theo bài của Ủy ban MTTQ tỉnh Bạc Liêu về vai trò Mặt trận trong phong trào (19/03/2020)";
export const SEED_001 =
  "Dữ liệu minh họa theo bài của Ủy ban MTTQ tỉnh Bình Thuận về phòng, chống tội phạm, ma túy";

/** Former Bạc Liêu city (district 954), 2013 – April 2017 (seed 004). */
export const BAC_LIEU_CITY: ActivitySpec[] = [
  {
    kind: "propaganda_session",
    count: 2669,
    figures: { attendees: 101_662 },
    organizers: [["front"], ["front", "police"], ["police"]],
    topics: ["drugs", "social_evils", "law", "traffic"],
    from: "2013-01-01",
    to: "2017-04-30",
  },
  // "gần 1.000 cuộc với trên 25.000 lượt hộ gia đình": the article rounds; these are the recorded values.
  {
    kind: "meeting",
    count: 987,
    figures: { households: 25_310 },
    organizers: [["front"], ["front", "women"], ["front", "farmers"]],
    topics: ["law", "social_evils"],
    from: "2013-01-01",
    to: "2017-04-30",
  },
  {
    kind: "school_session",
    count: 312,
    figures: { students: 24_120 },
    organizers: [["police", "youth"], ["police"]],
    topics: ["traffic", "drugs", "cyber_crime"],
    from: "2013-01-01",
    to: "2017-04-30",
  },
  {
    kind: "panel_installation",
    count: 40,
    figures: { panels: 65, slogans: 186 },
    organizers: [["front"], ["police"]],
    topics: ["social_evils", "drugs"],
    from: "2013-01-01",
    to: "2017-04-30",
  },
];

/** Former Bình Thuận province (code 60), 2018–2020 (seed 001): now part of Lâm Đồng. */
export const BINH_THUAN: ActivitySpec[] = [
  {
    kind: "propaganda_session",
    count: 2970,
    // "khoảng 1 triệu người tham dự": the article rounds; the recorded total rounds to 1 million.
    figures: { attendees: 1_003_862 },
    organizers: [["front"], ["front", "police"]],
    topics: ["drugs", "human_trafficking", "loan_sharks", "scams"],
    from: "2018-01-01",
    to: "2020-12-31",
  },
  {
    kind: "leaflet_distribution",
    count: 112,
    figures: { leaflets: 28_000 },
    organizers: [["front"]],
    topics: ["drugs", "loan_sharks"],
    from: "2018-01-01",
    to: "2020-12-31",
  },
  // "156 tin với thời lượng 5.421 giờ": 156 news items, each aired many times on a commune's
  // loudspeaker clusters (10 to 30 minutes an airing, about 70 to 310 airings): the cadre records
  // the clusters, the airings and the minutes, and the hours are computed from them.
  {
    kind: "broadcast",
    count: 156,
    figures: { broadcastItems: 156 },
    min: { broadcastItems: 1 },
    airings: { hours: 5421, minutes: [10, 15, 15, 20, 30], stations: [3, 15] },
    organizers: [["front"]],
    topics: ["scams", "drugs"],
    from: "2018-01-01",
    to: "2020-12-31",
  },
];

/** Former Bạc Liêu province (code 95): "578 cuộc, có 17.350 lượt người tham dự" — the Front at every
 * level disseminating plans 165–168 and 156/KH-MTTQ, from 08/4/2019 to the article (19/03/2020). */
export const BAC_LIEU_PROVINCE_2019: ActivitySpec[] = [
  {
    kind: "propaganda_session",
    count: 578,
    figures: { attendees: 17_350 },
    min: { attendees: 12 },
    organizers: [["front"], ["front", "police"], ["front", "women"], ["front", "farmers"]],
    topics: ["law", "drugs", "human_trafficking", "hiv_aids", "social_evils"],
    from: "2019-04-08",
    to: "2020-03-18",
  },
];

export type GroupSpec = {
  typeCode: string;
  label: string;
  count: number;
  members: number;
  status: "active" | "pilot";
};

/** Former Bạc Liêu city, as of the 2017 review (seed 004): 817 self-management and people's
 * security groups with 1,157 members, 18 hamlet security boards (99), 17 motorbike-taxi groups (85),
 * 405 rental-house groups (405), 7 full-time crime-prevention teams (42). */
export const BAC_LIEU_CITY_GROUPS: GroupSpec[] = [
  { typeCode: "self_management_group", label: "Tổ tự quản", count: 602, members: 851, status: "active" },
  {
    typeCode: "people_security_group",
    label: "Tổ an ninh nhân dân",
    count: 215,
    members: 306,
    status: "active",
  },
  { typeCode: "security_board", label: "Ban bảo vệ ANTT", count: 18, members: 99, status: "active" },
  {
    typeCode: "motorbike_taxi_group",
    label: "Tổ tự quản bến xe ôm",
    count: 17,
    members: 85,
    status: "active",
  },
  {
    typeCode: "rental_house_group",
    label: "Tổ tự quản nhà cho thuê",
    count: 405,
    members: 405,
    status: "active",
  },
  {
    typeCode: "crime_prevention_team",
    label: "Tổ phòng, chống tội phạm",
    count: 7,
    members: 42,
    status: "active",
  },
];

/** Seed 001: 40 pilot models "Khu dân cư phòng, chống tội phạm và ma túy" in Tuy Phong (595),
 * Bắc Bình (596), Tánh Linh (599), Đức Linh (600) and La Gi (594). */
export const BINH_THUAN_MODELS: GroupSpec[] = [
  {
    typeCode: "crime_drug_free_area",
    label: "Khu dân cư phòng, chống tội phạm và ma túy",
    count: 40,
    members: 0,
    status: "pilot",
  },
];

export const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Thạch",
  "Danh",
];
export const MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh", "Quốc", "Kim"];
export const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hòa",
  "Hùng",
  "Lan",
  "Mai",
  "Nam",
  "Phúc",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trung",
  "Vy",
  "Sô Phên",
];
