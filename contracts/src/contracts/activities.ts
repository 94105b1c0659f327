import { isNotFuture } from "../calendar";
// Request and response schemas of the activities module.
import { z } from "zod";
import { IdSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { BodyKindSchema } from "../permissions";

export * from "./activity-vocabulary";
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_TOPICS,
  ActivityChannelSchema,
  ActivityKindSchema,
  ActivityTopicSchema,
} from "./activity-vocabulary";

export const FIGURE_FIELDS = [
  "attendees",
  "households",
  "students",
  "leaflets",
  "panels",
  "slogans",
  "broadcastItems",
  "broadcastHours",
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/**
 * How a broadcast item was aired on the loudspeaker systems, as a cadre records it: on how many
 * loudspeaker clusters (informative), how many airings in all (every cluster, every day), and how
 * many minutes each airing lasts. The broadcast hours are computed from the last two.
 */
export const AIRING_FIELDS = ["broadcastStations", "broadcastAirings", "broadcastMinutes"] as const;
export type AiringField = (typeof AIRING_FIELDS)[number];

/** The fields an edit may change (organisers aside). */
export const ACTIVITY_EDITABLE_FIELDS = [
  "kind",
  "date",
  "title",
  "topics",
  "channels",
  "tags",
  "notes",
  ...FIGURE_FIELDS,
  ...AIRING_FIELDS,
] as const;

export const ACTIVITY_LIMITS = {
  organizersMax: 10,
  tagsMax: 20,
  tagMax: 50,
  titleMax: 300,
  notesMax: 5000,
  countMax: 100_000_000,
  hoursMax: 1_000_000,
  stationsMax: 10_000,
  airingsMax: 100_000,
  minutesPerAiringMax: 240,
} as const;

/**
 * Broadcast hours of `airings` airings of `minutes` minutes each, rounded to the 2 decimals hours
 * are stored with (computed in whole hundredths: airings × minutes × 100 / 60 is never a tie).
 */
export function broadcastHoursOf(airings: number, minutes: number): number {
  return Math.round((airings * minutes * 5) / 3) / 100;
}

type AiringValues = Partial<Record<AiringField | "broadcastHours", number | undefined>>;

/**
 * The airing rules of one activity's values: airings and minutes go together; a broadcast is aired
 * at least once on each cluster it names; hours sent with airings must be the computed ones.
 */
export function airingIssues(v: AiringValues): { path: string[]; message: string }[] {
  const airings = v.broadcastAirings ?? 0;
  const minutes = v.broadcastMinutes ?? 0;
  const stations = v.broadcastStations ?? 0;
  const issues: { path: string[]; message: string }[] = [];
  if (airings > 0 && minutes === 0) {
    issues.push({ path: ["broadcastMinutes"], message: "Cần thời lượng mỗi lượt phát (phút)" });
  }
  if (minutes > 0 && airings === 0) issues.push({ path: ["broadcastAirings"], message: "Cần số lượt phát" });
  if (airings === 0 && stations > 0) {
    issues.push({ path: ["broadcastAirings"], message: "Cần số lượt phát trên các cụm loa" });
  }
  if (airings > 0 && stations > airings) {
    issues.push({ path: ["broadcastAirings"], message: "Số lượt phát không được ít hơn số cụm loa" });
  }
  if (
    airings > 0 &&
    minutes > 0 &&
    v.broadcastHours &&
    v.broadcastHours !== broadcastHoursOf(airings, minutes)
  ) {
    issues.push({
      path: ["broadcastHours"],
      message: "Số giờ được tính từ số lượt phát và thời lượng mỗi lượt; để trống ô này",
    });
  }
  return issues;
}

const DateSchema = z.iso.date({ error: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" });
export const ActivityDateSchema = DateSchema.refine(isNotFuture, {
  message: "Ngày không được ở tương lai",
});

const count = () =>
  z
    .number({ error: "Phải là một số" })
    .int("Phải là số nguyên")
    .min(0, "Không được là số âm")
    .max(ACTIVITY_LIMITS.countMax, "Số quá lớn");
const hours = () =>
  z
    .number({ error: "Phải là một số" })
    .min(0, "Không được là số âm")
    .max(ACTIVITY_LIMITS.hoursMax, "Số quá lớn")
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "Tối đa 2 chữ số thập phân");

function noDuplicates<T>(items: T[], ctx: z.RefinementCtx, message: string) {
  items.forEach((item, i) => {
    if (items.indexOf(item) !== i) ctx.addIssue({ code: "custom", path: [i], message });
  });
}

const OrganizerBodyIdsSchema = z
  .array(IdSchema, { error: "Cần danh sách đơn vị tổ chức" })
  .min(1, "Cần ít nhất một đơn vị tổ chức")
  .max(ACTIVITY_LIMITS.organizersMax, `Tối đa ${ACTIVITY_LIMITS.organizersMax} đơn vị tổ chức`)
  .superRefine((ids, ctx) => noDuplicates(ids, ctx, "Đơn vị tổ chức bị lặp"));
const TopicsSchema = z
  .array(ActivityTopicSchema)
  .max(ACTIVITY_TOPICS.length)
  .superRefine((t, ctx) => noDuplicates(t, ctx, "Chủ đề bị lặp"));
const ChannelsSchema = z
  .array(ActivityChannelSchema)
  .max(ACTIVITY_CHANNELS.length)
  .superRefine((c, ctx) => noDuplicates(c, ctx, "Kênh bị lặp"));
const TagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Thẻ không được để trống")
      .max(ACTIVITY_LIMITS.tagMax, `Thẻ tối đa ${ACTIVITY_LIMITS.tagMax} ký tự`),
  )
  .max(ACTIVITY_LIMITS.tagsMax, `Tối đa ${ACTIVITY_LIMITS.tagsMax} thẻ`)
  .transform((tags) => [...new Set(tags)]);
const TitleSchema = z.string().trim().max(ACTIVITY_LIMITS.titleMax, "Tiêu đề quá dài");
const NotesSchema = z.string().trim().max(ACTIVITY_LIMITS.notesMax, "Ghi chú quá dài");

const airingCount = (max: number, tooMany = "Số quá lớn") =>
  z
    .number({ error: "Phải là một số" })
    .int("Phải là số nguyên")
    .min(0, "Không được là số âm")
    .max(max, tooMany);
const airingInputs = {
  broadcastStations: airingCount(ACTIVITY_LIMITS.stationsMax),
  broadcastAirings: airingCount(ACTIVITY_LIMITS.airingsMax),
  broadcastMinutes: airingCount(
    ACTIVITY_LIMITS.minutesPerAiringMax,
    `Mỗi lượt tối đa ${ACTIVITY_LIMITS.minutesPerAiringMax} phút`,
  ),
};

const figureInputs = {
  attendees: count(),
  households: count(),
  students: count(),
  leaflets: count(),
  panels: count(),
  slogans: count(),
  broadcastItems: count(),
  broadcastHours: hours(),
};

/** The create body's fields (the audit log's shape); `CreateActivityBodySchema` adds the airing rules. */
export const CreateActivityFieldsSchema = z.object({
  orgUnitId: IdSchema,
  kind: ActivityKindSchema,
  date: ActivityDateSchema,
  organizerBodyIds: OrganizerBodyIdsSchema,
  topics: TopicsSchema,
  channels: ChannelsSchema.default([]),
  tags: TagsSchema.optional(),
  title: TitleSchema.optional(),
  notes: NotesSchema.optional(),
  attendees: figureInputs.attendees.default(0),
  households: figureInputs.households.default(0),
  students: figureInputs.students.default(0),
  leaflets: figureInputs.leaflets.default(0),
  panels: figureInputs.panels.default(0),
  slogans: figureInputs.slogans.default(0),
  broadcastItems: figureInputs.broadcastItems.default(0),
  broadcastHours: figureInputs.broadcastHours.default(0),
  broadcastStations: airingInputs.broadcastStations.default(0),
  broadcastAirings: airingInputs.broadcastAirings.default(0),
  broadcastMinutes: airingInputs.broadcastMinutes.default(0),
});
export const CreateActivityBodySchema = CreateActivityFieldsSchema.superRefine((b, ctx) => {
  for (const issue of airingIssues(b)) ctx.addIssue({ code: "custom", ...issue });
});
export type CreateActivityBody = z.infer<typeof CreateActivityBodySchema>;

export const UpdateActivityBodySchema = z
  .object({
    orgUnitId: z.never({ error: "Không thể đổi đơn vị của hoạt động" }).optional(),
    kind: ActivityKindSchema.optional(),
    date: ActivityDateSchema.optional(),
    organizerBodyIds: OrganizerBodyIdsSchema.optional(),
    topics: TopicsSchema.optional(),
    channels: ChannelsSchema.optional(),
    tags: TagsSchema.optional(),
    title: TitleSchema.nullable().optional(),
    notes: NotesSchema.nullable().optional(),
    attendees: figureInputs.attendees.optional(),
    households: figureInputs.households.optional(),
    students: figureInputs.students.optional(),
    leaflets: figureInputs.leaflets.optional(),
    panels: figureInputs.panels.optional(),
    slogans: figureInputs.slogans.optional(),
    broadcastItems: figureInputs.broadcastItems.optional(),
    broadcastHours: figureInputs.broadcastHours.optional(),
    broadcastStations: airingInputs.broadcastStations.optional(),
    broadcastAirings: airingInputs.broadcastAirings.optional(),
    broadcastMinutes: airingInputs.broadcastMinutes.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Không có gì để cập nhật" });
export type UpdateActivityBody = z.infer<typeof UpdateActivityBodySchema>;

export const ActivityOrganizerSchema = z.object({ id: IdSchema, kind: BodyKindSchema, name: z.string() });

export const FiguresSchema = z.object({
  attendees: z.number(),
  households: z.number(),
  students: z.number(),
  leaflets: z.number(),
  panels: z.number(),
  slogans: z.number(),
  broadcastItems: z.number(),
  broadcastHours: z.number(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const ActivitySchema = FiguresSchema.extend({
  /** Loudspeaker clusters, airings in all and minutes an airing (0: hours recorded directly). */
  broadcastStations: z.number().int(),
  broadcastAirings: z.number().int(),
  broadcastMinutes: z.number().int(),
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  kind: ActivityKindSchema,
  date: z.iso.date(),
  title: z.string().nullable(),
  topics: z.array(ActivityTopicSchema),
  channels: z.array(ActivityChannelSchema),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  organizers: z.array(ActivityOrganizerSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Row version: send it back as `If-Match` with an edit (412 `version_conflict` when stale). */
  version: z.number().int().min(1),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** What the caller may do with one activity now, computed by the server's policy. */
export const ActivityAbilitiesSchema = z.object({
  /** Edit: activity.update over the activity's unit, its organisers allow it, period not locked. */
  edit: z.boolean(),
  /** Delete: activity.delete over the activity's unit, its organisers allow it, period not locked. */
  delete: z.boolean(),
});
export type ActivityAbilities = z.infer<typeof ActivityAbilitiesSchema>;

/** One activity as its detail, create and edit answers give it: with what the caller may do. */
export const ActivityDetailSchema = ActivitySchema.extend({ can: ActivityAbilitiesSchema });
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ActivityPageSchema = pageWithAbilitiesOf(ActivitySchema);
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

const QueryDateSchema = DateSchema;
const periodOrdered = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const PERIOD_MESSAGE = { message: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu", path: ["to"] };

export const ListActivitiesQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  from: QueryDateSchema.optional(),
  to: QueryDateSchema.optional(),
  kind: ActivityKindSchema.optional(),
  topic: ActivityTopicSchema.optional(),
  channel: ActivityChannelSchema.optional(),
  bodyKind: BodyKindSchema.optional(),
  tag: z.string().trim().min(1).max(ACTIVITY_LIMITS.tagMax).optional(),
}).refine(periodOrdered, PERIOD_MESSAGE);
export type ListActivitiesQuery = z.infer<typeof ListActivitiesQuerySchema>;

export const TOTALS_GROUP_BY = ["body", "child", "kind", "topic"] as const;
export const ActivityTotalsQuerySchema = z
  .object({
    orgUnitId: IdSchema,
    from: QueryDateSchema,
    to: QueryDateSchema,
    groupBy: z.enum(TOTALS_GROUP_BY).optional(),
    kind: ActivityKindSchema.optional(),
    topic: ActivityTopicSchema.optional(),
    /** Read from the records (the monthly rollups are not split by channel). */
    channel: ActivityChannelSchema.optional(),
    bodyKind: BodyKindSchema.optional(),
  })
  .refine(periodOrdered, PERIOD_MESSAGE);
export type ActivityTotalsQuery = z.infer<typeof ActivityTotalsQuerySchema>;

export const ActivityFigureTotalsSchema = FiguresSchema.extend({ activities: z.number().int() });
export type ActivityFigureTotals = z.infer<typeof ActivityFigureTotalsSchema>;

export const ActivityTotalsSchema = z.object({
  totals: ActivityFigureTotalsSchema,
  groups: z
    .array(z.object({ key: z.string(), label: z.string(), totals: ActivityFigureTotalsSchema }))
    .optional(),
});
export type ActivityTotals = z.infer<typeof ActivityTotalsSchema>;

// The festival day 19/8 and training rosters: their schemas live beside, in ./festivals.
export * from "./festivals";
