// The yearly evaluation of grassroots security and order teams (Tổ bảo vệ an ninh, trật tự ở cơ
// sở, Law 30/2023/QH15) and their members, by Hướng dẫn 01/HD-BCA-V05 of the Ministry of Public
// Security (source: /work/shared/docs/domain-rules.md §2 item 14, marked [S]: read through
// secondary sources — laodong.vn, 2026 — not the guidance's own text).
import { z } from "zod";
import { evaluationYearOf, todayInVietnam } from "../calendar";
import { IdSchema, IsoDateSchema } from "../common";
import { TEAM_RATINGS } from "./groups";

export const TeamRatingSchema = z.enum(TEAM_RATINGS);
export type TeamRating = z.infer<typeof TeamRatingSchema>;

/**
 * The rules as the guidance writes them, kept in one place (the server enforces them, the console
 * shows them). All [S]: provinces or a later text may set them otherwise, so they are values, not
 * literals in the code.
 */
export const TEAM_EVALUATION_RULES = {
  /**
   * "Chưa đánh giá" teams operating under 9 months and members in the force under 9 months "in the
   * year up to the time of assessment" (Hướng dẫn 01/HD-BCA-V05).
   */
  minMonths: 9,
  /**
   * The commune People's Committee Chairman decides; teams and members rated "Hoàn thành xuất sắc"
   * in the managed area may not exceed 20 % of those rated "Hoàn thành tốt".
   */
  excellentCapPercent: 20,
  /**
   * What the 20 % is taken of. The guidance's wording ("số được xếp loại Hoàn thành tốt") is read
   * here as the teams (members) rated good **or better** — the excellent are chosen from among the
   * good, as in Decree 90/2020's civil-service rating. "good" would count only those rated good.
   * [?] Not verified against the guidance's text: configurable.
   */
  capBasis: "good_or_better" as "good_or_better" | "good",
  /** Whether the cap's reading has been checked against the guidance's own text. */
  capVerified: false,
  /** The area the cap counts in: the commune the team's records roll up into. */
  capArea: "commune" as const,
  basis:
    "Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở số 30/2023/QH15; Hướng dẫn 01/HD-BCA-V05 của Bộ Công an (kỳ đánh giá 15/11 năm trước – 14/11; tỷ lệ xuất sắc không quá 20% số được xếp loại Hoàn thành tốt; chưa đánh giá tổ, thành viên hoạt động dưới 9 tháng)",
};

/** Why a team or member may not be rated for the year. */
export const TEAM_EVALUATION_INELIGIBILITY = ["too_short", "left", "not_started"] as const;
export const TeamEvaluationIneligibilitySchema = z.enum(TEAM_EVALUATION_INELIGIBILITY);
export type TeamEvaluationIneligibility = z.infer<typeof TeamEvaluationIneligibilitySchema>;

/** The evaluation year asked for; default: the one holding today (Vietnam time). */
export const TeamEvaluationsQuerySchema = z.object({
  year: z.coerce
    .number({ message: "Năm đánh giá phải là số" })
    .int("Năm đánh giá phải là số nguyên")
    .min(2024, "Năm đánh giá từ 2024 (Luật 30/2023/QH15 có hiệu lực từ 01/07/2024)")
    .max(2100)
    .optional(),
});
export type TeamEvaluationsQuery = z.infer<typeof TeamEvaluationsQuerySchema>;

const RatedSchema = z.object({
  /** Whole months served in the year up to the time of assessment (`asOf`). */
  monthsServed: z.number().int(),
  /** Null when the team or member may be rated. */
  ineligible: TeamEvaluationIneligibilitySchema.nullable(),
  rating: TeamRatingSchema.nullable(),
  evaluatedOn: IsoDateSchema.nullable(),
});

export const TeamEvaluationMemberSchema = RatedSchema.extend({
  memberId: IdSchema,
  fullName: z.string(),
  role: z.string().nullable(),
  joinedOn: IsoDateSchema,
  leftOn: IsoDateSchema.nullable(),
});
export type TeamEvaluationMember = z.infer<typeof TeamEvaluationMemberSchema>;

/** Ratings counted toward the cap: excellent and good, outside this team and within it. */
const CapCountsSchema = z.object({
  /** Other grassroots teams (or their members) of the same area, this year. */
  othersExcellent: z.number().int(),
  othersGood: z.number().int(),
  /** This team (or its members), as recorded now. */
  ownExcellent: z.number().int(),
  ownGood: z.number().int(),
});
export type TeamEvaluationCapCounts = z.infer<typeof CapCountsSchema>;

export const TeamEvaluationsSchema = z.object({
  groupId: IdSchema,
  year: z.number().int(),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  /** The day months are counted to: today within the year, its last day after it. */
  asOf: IsoDateSchema,
  team: RatedSchema,
  members: z.array(TeamEvaluationMemberSchema),
  rules: z.object({
    minMonths: z.number().int(),
    excellentCapPercent: z.number(),
    capBasis: z.enum(["good_or_better", "good"]),
    capVerified: z.boolean(),
    basis: z.string(),
  }),
  cap: z.object({
    areaId: IdSchema,
    areaName: z.string(),
    teams: CapCountsSchema,
    members: CapCountsSchema,
  }),
  /** Whether the caller may record ratings for this team and year now (the server's rule). */
  can: z.object({ record: z.boolean() }),
});
export type TeamEvaluations = z.infer<typeof TeamEvaluationsSchema>;

export const RecordTeamEvaluationsBodySchema = z
  .object({
    year: z.number().int().min(2024).max(2100),
    /** The team's own rating for the year; leave out to rate members only. */
    teamRating: TeamRatingSchema.optional(),
    members: z
      .array(z.object({ memberId: IdSchema, rating: TeamRatingSchema }))
      .max(500, "Tối đa 500 thành viên một lần")
      .default([]),
  })
  .superRefine((b, ctx) => {
    if (!b.teamRating && b.members.length === 0) {
      ctx.addIssue({ code: "custom", path: ["members"], message: "Chưa chọn xếp loại nào" });
    }
    const seen = new Set<string>();
    b.members.forEach((m, i) => {
      if (seen.has(m.memberId)) {
        ctx.addIssue({ code: "custom", path: ["members", i, "memberId"], message: "Thành viên bị trùng" });
      }
      seen.add(m.memberId);
    });
    if (b.year > evaluationYearOf(todayInVietnam()).year) {
      ctx.addIssue({ code: "custom", path: ["year"], message: "Năm đánh giá chưa bắt đầu" });
    }
  });
export type RecordTeamEvaluationsBody = z.infer<typeof RecordTeamEvaluationsBodySchema>;

/**
 * Whether `excellent` ratings stay within the cap given the ratings counted with them: with the
 * default reading, excellent ≤ 20 % × (excellent + good). Integer arithmetic, no rounding.
 */
export function withinExcellentCap(
  excellent: number,
  good: number,
  rules: { excellentCapPercent: number; capBasis: "good_or_better" | "good" } = TEAM_EVALUATION_RULES,
): boolean {
  const base = rules.capBasis === "good_or_better" ? excellent + good : good;
  return excellent * 100 <= rules.excellentCapPercent * base;
}
