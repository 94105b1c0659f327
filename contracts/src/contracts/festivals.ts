// Request and response schemas of the festival day 19/8 ("Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
// Decision 521/QĐ-TTg of 13/06/2005) and of training activities' rosters. Both belong to the
// activities module.
// Re-exported by ./activities (the contracts index lists the module once).
import { z } from "zod";
import { isNotFuture } from "../calendar";
import { IdSchema, IsoDateSchema } from "../common";
import { BodyKindSchema } from "../permissions";

const HeldOnSchema = z.iso
  .date({ error: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" })
  .refine(isNotFuture, { message: "Ngày không được ở tương lai" });

/**
 * Where the festival is held: mainly hamlets (thôn, ấp, khóm, tổ dân phố), communes and wards, and
 * agencies, enterprises and schools; provinces and the Ministry pick showcase venues ("điểm").
 */
export const FESTIVAL_LEVELS = ["central", "province", "district", "commune", "hamlet", "agency"] as const;
export const FestivalLevelSchema = z.enum(FESTIVAL_LEVELS, { error: "Cấp tổ chức không hợp lệ" });
export type FestivalLevel = (typeof FESTIVAL_LEVELS)[number];

export const FESTIVAL_LEVEL_LABELS: Record<FestivalLevel, string> = {
  central: "Điểm của Bộ Công an",
  province: "Cấp tỉnh",
  district: "Cấp huyện (trước 01/7/2025)",
  commune: "Cấp xã, phường, đặc khu",
  hamlet: "Thôn, ấp, khóm, tổ dân phố",
  agency: "Cơ quan, doanh nghiệp, nhà trường",
};

export const FESTIVAL_LIMITS = {
  venuesMax: 20,
  venueMax: 300,
  contentMax: 5000,
  organizersMax: 10,
  countMax: 100_000_000,
  /** Gifts' value in đồng. */
  valueMax: 1_000_000_000_000,
} as const;

const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const count = (max: number = FESTIVAL_LIMITS.countMax) =>
  z
    .number({ error: "Phải là một số" })
    .int("Phải là số nguyên")
    .min(0, "Không được là số âm")
    .max(max, "Số quá lớn");
const YearSchema = z
  .number({ error: "Năm không hợp lệ" })
  .int("Năm không hợp lệ")
  .min(2005, "Ngày hội có từ năm 2005")
  .max(2100, "Năm không hợp lệ");

const VenuesSchema = z
  .array(text(FESTIVAL_LIMITS.venueMax).min(1, "Địa điểm không được để trống"))
  .max(FESTIVAL_LIMITS.venuesMax, `Tối đa ${FESTIVAL_LIMITS.venuesMax} địa điểm`);
const OrganizerIdsSchema = z
  .array(IdSchema)
  .min(1, "Cần ít nhất một cơ quan, tổ chức chủ trì")
  .max(FESTIVAL_LIMITS.organizersMax, `Tối đa ${FESTIVAL_LIMITS.organizersMax} cơ quan, tổ chức`)
  .superRefine((ids, ctx) =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: [i], message: "Bị lặp" });
    }),
  );

const planFields = {
  level: FestivalLevelSchema,
  /** A showcase venue ("điểm") chosen by the level above. */
  showcase: z.boolean().default(false),
  planDate: IsoDateSchema.optional(),
  venues: VenuesSchema.default([]),
  organizerBodyIds: OrganizerIdsSchema,
  /** Phần lễ: the movement's results (first 8 months), lessons, directions, commendations. */
  ceremonyContent: text(FESTIVAL_LIMITS.contentMax).optional(),
  /** Phần hội: culture and sports, exchanges, "Công an lắng nghe ý kiến Nhân dân", quizzes, gifts. */
  festivalContent: text(FESTIVAL_LIMITS.contentMax).optional(),
};

export const CreateFestivalBodySchema = z
  .object({ orgUnitId: IdSchema, year: YearSchema, ...planFields })
  .refine((b) => !b.planDate || b.planDate.startsWith(String(b.year)), {
    message: "Ngày dự kiến phải trong năm của ngày hội",
    path: ["planDate"],
  });
export type CreateFestivalBody = z.infer<typeof CreateFestivalBodySchema>;

export const UpdateFestivalBodySchema = z
  .object({
    level: FestivalLevelSchema.optional(),
    showcase: z.boolean().optional(),
    planDate: IsoDateSchema.nullable().optional(),
    venues: VenuesSchema.optional(),
    organizerBodyIds: OrganizerIdsSchema.optional(),
    ceremonyContent: text(FESTIVAL_LIMITS.contentMax).nullable().optional(),
    festivalContent: text(FESTIVAL_LIMITS.contentMax).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Không có gì để cập nhật" });
export type UpdateFestivalBody = z.infer<typeof UpdateFestivalBodySchema>;

/** The day it was held and what it gave: attendance, gifts, commendations; optionally its activity. */
export const RecordFestivalHeldBodySchema = z.object({
  heldOn: HeldOnSchema,
  attendees: count(),
  gifts: count().default(0),
  /** Value of the gifts, in đồng. */
  giftValue: count(FESTIVAL_LIMITS.valueMax).default(0),
  /** Certificates of merit, medals and other commendations presented at the festival. */
  awards: count().default(0),
  /** The festival_day activity of the same unit that records it among the activities, if any. */
  activityId: IdSchema.nullable().optional(),
});
export type RecordFestivalHeldBody = z.infer<typeof RecordFestivalHeldBodySchema>;

export const FestivalOrganizerSchema = z.object({ id: IdSchema, kind: BodyKindSchema, name: z.string() });

export const FestivalSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  year: z.number().int(),
  level: FestivalLevelSchema,
  showcase: z.boolean(),
  planDate: IsoDateSchema.nullable(),
  heldOn: IsoDateSchema.nullable(),
  venues: z.array(z.string()),
  organizers: z.array(FestivalOrganizerSchema),
  ceremonyContent: z.string().nullable(),
  festivalContent: z.string().nullable(),
  attendees: z.number().int(),
  gifts: z.number().int(),
  giftValue: z.number(),
  awards: z.number().int(),
  activityId: IdSchema.nullable(),
  can: z.object({ edit: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Festival = z.infer<typeof FestivalSchema>;

export const ListFestivalsQuerySchema = z.object({
  orgUnitId: IdSchema,
  year: z.coerce.number().int().min(2005).max(2100),
});
export type ListFestivalsQuery = z.infer<typeof ListFestivalsQuerySchema>;

export const FestivalListSchema = z.object({
  items: z.array(FestivalSchema),
  can: z.object({ create: z.boolean() }),
});
export type FestivalList = z.infer<typeof FestivalListSchema>;

const FestivalFiguresSchema = z.object({
  planned: z.number().int(),
  held: z.number().int(),
  attendees: z.number().int(),
  gifts: z.number().int(),
  giftValue: z.number(),
  awards: z.number().int(),
});
export type FestivalFigures = z.infer<typeof FestivalFiguresSchema>;

/** A year's festivals in a unit's subtree: all together and per level. */
export const FestivalOverviewSchema = z.object({
  year: z.number().int(),
  totals: FestivalFiguresSchema,
  byLevel: z.array(FestivalFiguresSchema.extend({ level: FestivalLevelSchema })),
});
export type FestivalOverview = z.infer<typeof FestivalOverviewSchema>;

// --- Training: its level, form and roster of trainees ---------------------------------------

export const TRAINING_LEVELS = ["central", "province", "district", "commune", "grassroots"] as const;
export const TrainingLevelSchema = z.enum(TRAINING_LEVELS, { error: "Cấp tập huấn không hợp lệ" });
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const TRAINING_LEVEL_LABELS: Record<TrainingLevel, string> = {
  central: "Trung ương",
  province: "Cấp tỉnh",
  district: "Cấp huyện (trước 01/7/2025)",
  commune: "Cấp xã",
  grassroots: "Thôn, ấp, khóm, tổ dân phố",
};

/** Tập huấn (skills for a task) or bồi dưỡng (refresher on knowledge and policy). */
export const TRAINING_FORMS = ["tap_huan", "boi_duong"] as const;
export const TrainingFormSchema = z.enum(TRAINING_FORMS, { error: "Hình thức không hợp lệ" });
export type TrainingForm = (typeof TRAINING_FORMS)[number];
export const TRAINING_FORM_LABELS: Record<TrainingForm, string> = {
  tap_huan: "Tập huấn",
  boi_duong: "Bồi dưỡng",
};

export const TRAINEES_MAX = 500;

export const TraineeInputSchema = z.object({
  fullName: text(200).min(1, "Chưa nhập họ tên"),
  position: text(200).optional(),
  organisation: text(200).optional(),
});
export type TraineeInput = z.infer<typeof TraineeInputSchema>;

/** Replaces the training's level, form and roster. */
export const RecordTrainingBodySchema = z.object({
  level: TrainingLevelSchema,
  form: TrainingFormSchema,
  trainees: z.array(TraineeInputSchema).max(TRAINEES_MAX, `Tối đa ${TRAINEES_MAX} học viên`).default([]),
});
export type RecordTrainingBody = z.infer<typeof RecordTrainingBodySchema>;

export const TraineeSchema = z.object({
  fullName: z.string(),
  position: z.string().nullable(),
  organisation: z.string().nullable(),
});

export const TrainingSchema = z.object({
  activityId: IdSchema,
  level: TrainingLevelSchema.nullable(),
  form: TrainingFormSchema.nullable(),
  trainees: z.array(TraineeSchema),
  can: z.object({ edit: z.boolean() }),
});
export type Training = z.infer<typeof TrainingSchema>;

export const TrainingTotalsQuerySchema = z
  .object({ orgUnitId: IdSchema, from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, {
    message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu",
    path: ["to"],
  });
export type TrainingTotalsQuery = z.infer<typeof TrainingTotalsQuerySchema>;

/** Training activities and their trainees by level (level null: not recorded yet). */
export const TrainingTotalsSchema = z.object({
  trainings: z.number().int(),
  trainees: z.number().int(),
  byLevel: z.array(
    z.object({
      level: TrainingLevelSchema.nullable(),
      trainings: z.number().int(),
      trainees: z.number().int(),
    }),
  ),
});
export type TrainingTotals = z.infer<typeof TrainingTotalsSchema>;
