import { isNotFuture } from "../calendar";
// Request and response schemas of the groups module: grassroots security teams and
// self-management models, their rosters, baseline surveys and periodic evaluations.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf, pageWithAbilitiesOf } from "../common";
import { LIMITS } from "../limits";

/** Type code of "Tổ bảo vệ an ninh, trật tự ở cơ sở" (Law 30/2023/QH15): members must be 18–70. */
export const GRASSROOTS_SECURITY_TEAM = "grassroots_security_team";
export const GRASSROOTS_MEMBER_MIN_AGE = 18;
export const GRASSROOTS_MEMBER_MAX_AGE = 70;

export const GROUP_CATEGORIES = ["team", "model"] as const;
export const GroupCategorySchema = z.enum(GROUP_CATEGORIES);
export type GroupCategory = z.infer<typeof GroupCategorySchema>;

export const GROUP_STATUSES = ["pilot", "active", "dissolved"] as const;
export const GroupStatusSchema = z.enum(GROUP_STATUSES);
export type GroupStatus = z.infer<typeof GroupStatusSchema>;

/** The lifecycle: a pilot is confirmed (active) or dropped; an active group may be dissolved. */
export const GROUP_TRANSITIONS = {
  pilot: ["active", "dissolved"],
  active: ["dissolved"],
  dissolved: [],
} as const satisfies Record<GroupStatus, readonly GroupStatus[]>;

export const GROUP_STATUS_LABELS = {
  pilot: "Thí điểm",
  active: "Đang hoạt động",
  dissolved: "Đã giải thể",
} as const satisfies Record<GroupStatus, string>;

/** Teams: the four levels of Hướng dẫn 01/HD-BCA-V05. */
export const TEAM_RATINGS = ["excellent", "good", "completed", "not_completed"] as const;
/** Models: effective, or existing only on paper ("hình thức"). */
export const MODEL_RATINGS = ["effective", "on_paper"] as const;
export const GroupRatingSchema = z.enum([...TEAM_RATINGS, ...MODEL_RATINGS]);
export type GroupRating = z.infer<typeof GroupRatingSchema>;

export const GROUP_RATING_LABELS = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
  effective: "Hoạt động hiệu quả",
  on_paper: "Hoạt động hình thức",
} as const satisfies Record<GroupRating, string>;

const pastDate = (message: string) => IsoDateSchema.refine((d) => isNotFuture(d), { message });

const NAME_MAX = LIMITS.unitNameMax;
const NOTES_MAX = 2000;

export const GroupTypeSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  category: GroupCategorySchema,
  source: z.string().nullable(),
  isBuiltIn: z.boolean(),
});
export type GroupType = z.infer<typeof GroupTypeSchema>;
export const GroupTypeListSchema = pageOf(GroupTypeSchema);
export type GroupTypeList = z.infer<typeof GroupTypeListSchema>;

export const GroupSurveySchema = z.object({
  id: IdSchema,
  surveyedOn: IsoDateSchema,
  crimes: z.number().int(),
  drugUsers: z.number().int(),
  gangs: z.number().int(),
  socialEvils: z.number().int(),
  notes: z.string().nullable(),
});
export type GroupSurvey = z.infer<typeof GroupSurveySchema>;

export const GroupEvaluationSchema = z.object({
  id: IdSchema,
  evaluatedOn: IsoDateSchema,
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  rating: GroupRatingSchema,
  reasons: z.array(z.string()),
});
export type GroupEvaluation = z.infer<typeof GroupEvaluationSchema>;

export const GroupSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  category: GroupCategorySchema,
  name: z.string(),
  foundedOn: IsoDateSchema,
  status: GroupStatusSchema,
  dissolvedOn: IsoDateSchema.nullable(),
  replicatedFromId: IdSchema.nullable(),
  managingBodyId: IdSchema.nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;
export const GroupPageSchema = pageWithAbilitiesOf(GroupSchema);
export type GroupPage = z.infer<typeof GroupPageSchema>;

/** What the caller may do with one group now, computed by the server's policy. */
export const GroupAbilitiesSchema = z.object({
  /** Add and remove members, record surveys and evaluations: group.manage over the group's unit, not dissolved. */
  manage: z.boolean(),
  /** The statuses the caller may move the group to: the transition table, with group.manage over its unit. */
  moveTo: z.array(GroupStatusSchema),
});
export type GroupAbilities = z.infer<typeof GroupAbilitiesSchema>;

export const GroupDetailSchema = GroupSchema.extend({
  /** Members active today (joined on or before today, not yet left). */
  currentMembers: z.number().int(),
  /** Groups in the caller's scope replicated from this one ("điểm" nhân rộng). */
  replicaCount: z.number().int(),
  latestEvaluation: GroupEvaluationSchema.nullable(),
  /** The earliest survey (the baseline at founding) and the most recent one. */
  baselineSurvey: GroupSurveySchema.nullable(),
  latestSurvey: GroupSurveySchema.nullable(),
  can: GroupAbilitiesSchema,
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

const TypeCodeSchema = z.string().trim().min(1, "Chưa chọn loại tổ, mô hình").max(64);

export const CreateGroupBodySchema = z.object({
  orgUnitId: IdSchema,
  typeCode: TypeCodeSchema,
  name: z
    .string()
    .trim()
    .min(1, "Tên tổ, mô hình không được để trống")
    .max(NAME_MAX, `Tên tổ, mô hình tối đa ${NAME_MAX} ký tự`),
  foundedOn: pastDate("Ngày thành lập không được ở tương lai"),
  status: z.enum(["pilot", "active"]).default("active"),
  replicatedFromId: IdSchema.optional(),
  managingBodyId: IdSchema.optional(),
  notes: z.string().trim().max(NOTES_MAX, `Ghi chú tối đa ${NOTES_MAX} ký tự`).optional(),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBodySchema>;

export const ListGroupsQuerySchema = PageQuerySchema.extend({
  /** Whole subtree of this unit (including it). */
  orgUnitId: IdSchema.optional(),
  typeCode: z.string().trim().min(1).max(64).optional(),
  status: GroupStatusSchema.optional(),
  category: GroupCategorySchema.optional(),
});
export type ListGroupsQuery = z.infer<typeof ListGroupsQuerySchema>;

export const ChangeGroupStatusBodySchema = z.object({
  status: GroupStatusSchema,
  date: pastDate("Ngày chuyển trạng thái không được ở tương lai"),
  reason: z.string().trim().min(1).max(NOTES_MAX, `Lý do tối đa ${NOTES_MAX} ký tự`).optional(),
});
export type ChangeGroupStatusBody = z.infer<typeof ChangeGroupStatusBodySchema>;

export const GroupMemberSchema = z.object({
  id: IdSchema,
  groupId: IdSchema,
  fullName: z.string(),
  birthDate: IsoDateSchema.nullable(),
  role: z.string().nullable(),
  joinedOn: IsoDateSchema,
  leftOn: IsoDateSchema.nullable(),
  disciplined: z.boolean(),
  /** The chairman's decision admitting a member over 70, when there is one. */
  ageException: z.object({ decisionNumber: z.string(), decidedOn: IsoDateSchema }).nullable(),
  /** Sensitive (Decree 13/2023 Art. 2.4): sealed in the database, given only to readers in scope. */
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  notes: z.string().nullable(),
  /** The member's identity was removed under the retention rule (the dates still count). */
  deidentified: z.boolean(),
  /** Row version: send it back as `If-Match` when recording the leave (412 `version_conflict` when stale). */
  version: z.number().int().min(1),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;
export const GroupMemberPageSchema = pageOf(GroupMemberSchema);
export type GroupMemberPage = z.infer<typeof GroupMemberPageSchema>;

export const AddGroupMemberBodySchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, "Họ tên không được để trống")
    .max(LIMITS.displayNameMax, `Họ tên tối đa ${LIMITS.displayNameMax} ký tự`),
  birthDate: pastDate("Ngày sinh không được ở tương lai").optional(),
  /** Tổ trưởng, tổ phó, tổ viên… (free text: provinces name roles differently). */
  role: z.string().trim().min(1).max(100, "Chức danh tối đa 100 ký tự").optional(),
  joinedOn: pastDate("Ngày vào tổ không được ở tương lai"),
  /** Disciplined at warning level or above (a certification criterion). */
  disciplined: z.boolean().default(false),
  /** Ethnicity and religion, only where the group's purpose needs them (kept sealed). */
  ethnicity: z.string().trim().min(1).max(100, "Dân tộc tối đa 100 ký tự").optional(),
  religion: z.string().trim().min(1).max(100, "Tôn giáo tối đa 100 ký tự").optional(),
  notes: z.string().trim().min(1).max(NOTES_MAX, `Ghi chú tối đa ${NOTES_MAX} ký tự`).optional(),
  /**
   * A grassroots security team member over 70 needs a decision of the commune People's Committee
   * Chairman (Law 30/2023/QH15 Art. 13): its number and date.
   */
  ageException: z
    .object({
      decisionNumber: z.string().trim().min(1, "Số quyết định không được để trống").max(100),
      decidedOn: pastDate("Ngày quyết định không được ở tương lai"),
    })
    .optional(),
});
export type AddGroupMemberBody = z.infer<typeof AddGroupMemberBodySchema>;

export const ListGroupMembersQuerySchema = PageQuerySchema.extend({
  /** Only members active on this date (joined on or before it, not left by it). */
  activeOn: IsoDateSchema.optional(),
  /** Only members with this full name (accent-insensitive, whole name: names are sealed). */
  name: z.string().trim().min(1).max(LIMITS.displayNameMax).optional(),
});
export type ListGroupMembersQuery = z.infer<typeof ListGroupMembersQuerySchema>;

export const LeaveGroupBodySchema = z.object({
  leftOn: pastDate("Ngày rời tổ không được ở tương lai"),
});
export type LeaveGroupBody = z.infer<typeof LeaveGroupBodySchema>;

const count = (label: string) =>
  z
    .number({ message: `${label} phải là số nguyên không âm` })
    .int(`${label} phải là số nguyên không âm`)
    .min(0, `${label} phải là số nguyên không âm`)
    .max(1_000_000)
    .default(0);

export const RecordGroupSurveyBodySchema = z.object({
  surveyedOn: pastDate("Ngày khảo sát không được ở tương lai"),
  crimes: count("Số vụ phạm tội"),
  drugUsers: count("Số người sử dụng ma túy"),
  gangs: count("Số băng, nhóm"),
  socialEvils: count("Số tệ nạn xã hội"),
  notes: z.string().trim().max(NOTES_MAX, `Ghi chú tối đa ${NOTES_MAX} ký tự`).optional(),
});
export type RecordGroupSurveyBody = z.infer<typeof RecordGroupSurveyBodySchema>;

export const EvaluateGroupBodySchema = z
  .object({
    evaluatedOn: pastDate("Ngày đánh giá không được ở tương lai"),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    rating: GroupRatingSchema,
    reasons: z
      .array(z.string().trim().min(1, "Lý do không được để trống").max(500, "Mỗi lý do tối đa 500 ký tự"))
      .max(20, "Tối đa 20 lý do")
      .default([]),
  })
  .superRefine((b, ctx) => {
    if (b.periodFrom > b.periodTo) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Kỳ đánh giá kết thúc trước khi bắt đầu" });
    }
    if (b.evaluatedOn < b.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["evaluatedOn"], message: "Ngày đánh giá trước kỳ đánh giá" });
    }
    if (b.rating === "on_paper" && b.reasons.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["reasons"],
        message: "Cần nêu ít nhất một lý do khi đánh giá mô hình hoạt động hình thức",
      });
    }
  });
export type EvaluateGroupBody = z.infer<typeof EvaluateGroupBodySchema>;

export const ListStaleGroupsQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  /** The day the 12-month window ends on (default: today). */
  asOf: IsoDateSchema.optional(),
});
export type ListStaleGroupsQuery = z.infer<typeof ListStaleGroupsQuerySchema>;

export const StaleGroupSchema = GroupSchema.extend({
  lastEvaluatedOn: IsoDateSchema.nullable(),
  lastActivityOn: IsoDateSchema.nullable(),
});
export type StaleGroup = z.infer<typeof StaleGroupSchema>;
export const StaleGroupPageSchema = pageOf(StaleGroupSchema);
export type StaleGroupPage = z.infer<typeof StaleGroupPageSchema>;

export const GroupTotalsQuerySchema = z.object({
  orgUnitId: IdSchema,
  at: IsoDateSchema.optional(),
});
export type GroupTotalsQuery = z.infer<typeof GroupTotalsQuerySchema>;

export const GroupTypeTotalSchema = z.object({
  typeCode: z.string(),
  typeName: z.string(),
  category: GroupCategorySchema,
  groups: z.number().int(),
  members: z.number().int(),
});
export type GroupTypeTotal = z.infer<typeof GroupTypeTotalSchema>;

export const GroupTotalsSchema = z.object({
  orgUnitId: IdSchema,
  at: IsoDateSchema,
  items: z.array(GroupTypeTotalSchema),
  total: z.object({ groups: z.number().int(), members: z.number().int() }),
});
export type GroupTotals = z.infer<typeof GroupTotalsSchema>;
