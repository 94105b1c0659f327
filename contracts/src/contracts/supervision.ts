// Request and response schemas of the supervision module: the Fatherland Front's supervision
// (giám sát) of how the movement and the security law are carried out — a supervision plan, its
// findings, its recommendations (kiến nghị) and the addressees' answers.
//
// Legal basis (to be checked against the texts; marked unverified where not confirmed):
// - Law on the Vietnam Fatherland Front 2015, Art. 25–27: the Front supervises agencies,
//   organisations, elected deputies and cadres; forms of supervision (Art. 27, unverified wording):
//   studying and reviewing documents, supervision delegations, through the People's Inspection
//   Boards and community investment supervision boards, and taking part in supervision with
//   competent bodies.
// - Joint Resolution 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN (unverified detail): the plan, the
//   delegation's decision, the conclusion report and the recommendation letter; the addressee
//   answers the recommendation in writing (a time limit of 15 days is often cited — unverified, so
//   the due date is entered per recommendation instead of computed).
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { DocumentNumberSchema } from "./plans";

export const SUPERVISION_STATUSES = ["planned", "ongoing", "closed", "cancelled"] as const;
export const SupervisionStatusSchema = z.enum(SUPERVISION_STATUSES);
export type SupervisionStatus = z.infer<typeof SupervisionStatusSchema>;

/** The lifecycle: findings move a plan to ongoing; closing concludes it with a result. */
export const SUPERVISION_TRANSITIONS = {
  planned: ["ongoing", "cancelled"],
  ongoing: ["closed"],
  closed: [],
  cancelled: [],
} as const satisfies Record<SupervisionStatus, readonly SupervisionStatus[]>;

/** What is supervised: the movement at a unit, an agency (a body), or a plan/programme. */
export const SUPERVISION_SUBJECTS = ["movement", "agency", "plan"] as const;
export const SupervisionSubjectSchema = z.enum(SUPERVISION_SUBJECTS);
export type SupervisionSubject = z.infer<typeof SupervisionSubjectSchema>;

/** Forms of supervision (Law on VFF 2015 Art. 27 as understood; unverified wording). */
export const SUPERVISION_FORMS = ["documents", "delegation", "people_inspection", "joint"] as const;
export const SupervisionFormSchema = z.enum(SUPERVISION_FORMS);
export type SupervisionForm = z.infer<typeof SupervisionFormSchema>;

/** How the supervision was concluded. */
export const SUPERVISION_RESULTS = ["good", "partly", "poor"] as const;
export const SupervisionResultSchema = z.enum(SUPERVISION_RESULTS);

const text = (max: number) => z.string().trim().max(max);

export const SupervisionMemberSchema = z.object({
  name: text(200).min(1, "Chưa nhập họ tên thành viên"),
  position: text(200).default(""),
});

export const CreateSupervisionBodySchema = z
  .object({
    orgUnitId: IdSchema,
    title: text(300).min(1, "Chưa nhập tên cuộc giám sát"),
    subjectKind: SupervisionSubjectSchema,
    /** The agency supervised (subjectKind agency). */
    subjectBodyId: IdSchema.optional(),
    /** The plan or programme supervised (subjectKind plan). */
    subjectPlanId: IdSchema.optional(),
    content: text(4000).min(1, "Chưa nhập nội dung giám sát"),
    form: SupervisionFormSchema,
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    /** The delegation's decision as written after "Số" (12/QĐ-MTTQ). */
    decisionNumber: DocumentNumberSchema.optional(),
    decisionDate: IsoDateSchema.optional(),
    members: z.array(SupervisionMemberSchema).max(50).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.periodTo < b.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Ngày kết thúc trước ngày bắt đầu" });
    }
    if (b.subjectKind === "agency" && !b.subjectBodyId) {
      ctx.addIssue({ code: "custom", path: ["subjectBodyId"], message: "Chọn cơ quan được giám sát" });
    }
    if (b.subjectKind === "plan" && !b.subjectPlanId) {
      ctx.addIssue({ code: "custom", path: ["subjectPlanId"], message: "Chọn kế hoạch được giám sát" });
    }
    if (b.form === "delegation" && b.members.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["members"],
        message: "Đoàn giám sát cần ít nhất một thành viên",
      });
    }
  });
export type CreateSupervisionBody = z.infer<typeof CreateSupervisionBodySchema>;

export const RecordSupervisionFindingBodySchema = z.object({
  foundOn: IsoDateSchema,
  content: text(4000).min(1, "Chưa nhập nội dung kết quả giám sát"),
});
export type RecordSupervisionFindingBody = z.infer<typeof RecordSupervisionFindingBodySchema>;

export const AddSupervisionRecommendationBodySchema = z
  .object({
    /** The body the recommendation is addressed to; its cadres answer it. */
    addresseeBodyId: IdSchema.optional(),
    /** An addressee that is no body in the system (e.g. the People's Committee). */
    addresseeName: text(300).optional(),
    content: text(4000).min(1, "Chưa nhập nội dung kiến nghị"),
    madeOn: IsoDateSchema,
    dueOn: IsoDateSchema,
  })
  .superRefine((b, ctx) => {
    if (!b.addresseeBodyId && !b.addresseeName) {
      ctx.addIssue({ code: "custom", path: ["addresseeName"], message: "Chưa nhập nơi nhận kiến nghị" });
    }
    if (b.dueOn < b.madeOn) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Hạn trả lời trước ngày kiến nghị" });
    }
  });
export type AddSupervisionRecommendationBody = z.infer<typeof AddSupervisionRecommendationBodySchema>;

export const RecordRecommendationResponseBodySchema = z.object({
  respondedOn: IsoDateSchema,
  content: text(4000).min(1, "Chưa nhập nội dung trả lời"),
  action: text(4000).optional(),
});
export type RecordRecommendationResponseBody = z.infer<typeof RecordRecommendationResponseBodySchema>;

export const CloseSupervisionBodySchema = z.object({
  closedOn: IsoDateSchema,
  result: SupervisionResultSchema,
  summary: text(4000).min(1, "Chưa nhập kết luận giám sát"),
  /** Required when recommendations are still unanswered: why it closes anyway (followed up later). */
  unansweredNote: text(2000).optional(),
});
export type CloseSupervisionBody = z.infer<typeof CloseSupervisionBodySchema>;

export const SupervisionSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  title: z.string(),
  subjectKind: SupervisionSubjectSchema,
  subjectBodyId: IdSchema.nullable(),
  subjectBodyName: z.string().nullable(),
  subjectPlanId: IdSchema.nullable(),
  subjectPlanTitle: z.string().nullable(),
  form: SupervisionFormSchema,
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  decisionNumber: z.string().nullable(),
  decisionDate: IsoDateSchema.nullable(),
  status: SupervisionStatusSchema,
  recommendations: z.number().int(),
  unanswered: z.number().int(),
});
export type Supervision = z.infer<typeof SupervisionSchema>;
export const SupervisionPageSchema = pageWithAbilitiesOf(SupervisionSchema);

export const SupervisionAbilitiesSchema = z.object({
  recordFinding: z.boolean(),
  addRecommendation: z.boolean(),
  close: z.boolean(),
});

export const RecommendationSchema = z.object({
  id: IdSchema,
  addresseeBodyId: IdSchema.nullable(),
  addresseeName: z.string(),
  content: z.string(),
  madeOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  overdue: z.boolean(),
  response: z
    .object({ respondedOn: IsoDateSchema, content: z.string(), action: z.string().nullable() })
    .nullable(),
  /** Whether the caller may record the addressee's answer now. */
  can: z.object({ respond: z.boolean() }),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const SupervisionDetailSchema = SupervisionSchema.extend({
  content: z.string(),
  members: z.array(z.object({ name: z.string(), position: z.string() })),
  result: SupervisionResultSchema.nullable(),
  summary: z.string().nullable(),
  unansweredNote: z.string().nullable(),
  closedOn: IsoDateSchema.nullable(),
  can: SupervisionAbilitiesSchema,
  findings: z.array(z.object({ id: IdSchema, foundOn: IsoDateSchema, content: z.string() })),
  recommendationList: z.array(RecommendationSchema),
});
export type SupervisionDetail = z.infer<typeof SupervisionDetailSchema>;

export const ListSupervisionsQuerySchema = PageQuerySchema.extend({
  status: SupervisionStatusSchema.optional(),
  /** Supervisions whose period touches this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Supervisions held by this unit or a unit below it. */
  orgUnitId: IdSchema.optional(),
});
export type ListSupervisionsQuery = z.infer<typeof ListSupervisionsQuerySchema>;

export const SupervisionTotalsQuerySchema = z.object({
  orgUnitId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
});
/** Figures of a unit's subtree: supervisions held in the period and their recommendations. */
export const SupervisionTotalsSchema = z.object({
  supervisions: z.number().int(),
  closed: z.number().int(),
  recommendations: z.number().int(),
  answered: z.number().int(),
  /** Unanswered past their due date at the period's end (or today, if earlier). */
  overdue: z.number().int(),
});
export type SupervisionTotals = z.infer<typeof SupervisionTotalsSchema>;
