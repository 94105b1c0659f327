// Review reports (sơ kết, tổng kết) in the Decree 30/2020 layout, and periodic reporting up the levels.
import { z } from "zod";
import { addWorkingDays } from "../calendar/working-days";
import { IdSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import type { Transitions } from "../workflow";
import { IndicatorCodeSchema } from "./indicators";

export const REPORT_TEMPLATES = ["six_month", "yearly", "plan_review"] as const;
export const REPORT_TEMPLATE_LABELS: Record<(typeof REPORT_TEMPLATES)[number], string> = {
  six_month: "Báo cáo sơ kết 6 tháng",
  yearly: "Báo cáo tổng kết năm",
  plan_review: "Báo cáo sơ kết, tổng kết kế hoạch",
};
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Submitted to the level above, which returns it (to be revised and resubmitted) or approves it. */
export const REPORT_TRANSITIONS = {
  draft: ["submitted"],
  submitted: ["returned", "approved"],
  returned: ["submitted"],
  approved: [],
} as const satisfies Transitions<ReportStatus>;

const Text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
/** The indicator mapped over the unit's children in the DOCX and PDF: a code of the registry. */
const MapIndicatorSchema = z.enum(IndicatorCodeSchema.options, {
  error: "Chọn một chỉ tiêu có trong danh mục chỉ tiêu",
});
const Day = z.iso.date({ error: "Ngày không hợp lệ (định dạng YYYY-MM-DD)" });
/** "12" in "Số: 12/BC-MTTQ": digits, empty for "assign the next one". */
const DocumentNumber = z
  .string()
  .trim()
  .regex(/^([1-9]\d{0,5})?$/, "Số văn bản là một số nguyên dương (ví dụ 12)");

export const ReportSectionSchema = z.object({
  key: Text(40).min(1),
  title: Text(300).min(1, "Nhập tiêu đề mục"),
  text: Text(20_000),
});

export const CreateReportBodySchema = z
  .object({
    orgUnitId: IdSchema,
    template: z.enum(REPORT_TEMPLATES),
    year: z.number().int().min(2000).max(2100),
    /** six_month: the first half (1) or the whole year to date is reviewed in the second (2). */
    half: z.union([z.literal(1), z.literal(2)]).optional(),
    /** plan_review: the reviewed period. */
    periodFrom: Day.optional(),
    periodTo: Day.optional(),
    planId: IdSchema.optional(),
    /**
     * "Số liệu tính đến ngày …": the figures are counted up to this day (default: the period's end,
     * or today when the period has not ended); from the period's start to today at most.
     */
    cutOff: Day.optional(),
    issuingBody: Text(200).min(1, "Nhập cơ quan ban hành"),
    parentBody: Text(200).optional(),
    /** The document number; empty: the next of the unit's issuing body's sequence for the year of issue. */
    number: DocumentNumber.optional(),
    symbol: Text(40).min(1, "Nhập ký hiệu (ví dụ BC-MTTQ)"),
    place: Text(100).min(1, "Nhập địa danh"),
    issuedOn: Day,
    subject: Text(500).optional(),
    recipients: z.array(Text(200).min(1)).max(30).default([]),
    signerTitle: Text(200).min(1, "Nhập chức vụ người ký"),
    signerName: Text(200).min(1, "Nhập họ tên người ký"),
    /** Print the map of the children (provinces or communes) for this indicator; none when absent. */
    mapIndicator: MapIndicatorSchema.optional(),
  })
  .refine((b) => b.template !== "six_month" || b.half !== undefined, {
    message: "Chọn 6 tháng đầu năm (1) hoặc cuối năm (2)",
    path: ["half"],
  })
  .refine((b) => b.template !== "plan_review" || (b.periodFrom && b.periodTo && b.periodFrom <= b.periodTo), {
    message: "Nhập khoảng thời gian sơ kết, tổng kết (từ ngày ≤ đến ngày)",
    path: ["periodTo"],
  });
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>;

export const UpdateReportBodySchema = z.object({
  subject: Text(500).optional(),
  sections: z.array(ReportSectionSchema).max(30).optional(),
  recipients: z.array(Text(200).min(1)).max(30).optional(),
  signerTitle: Text(200).min(1).optional(),
  signerName: Text(200).min(1).optional(),
  number: DocumentNumber.optional(),
  /** The indicator of the children's map; null: no map. */
  mapIndicator: MapIndicatorSchema.nullable().optional(),
});
export type UpdateReportBody = z.infer<typeof UpdateReportBodySchema>;

export const ReportFigureSchema = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  /** A small count (1–4) this reader may not see exactly: written "dưới 5". */
  suppressed: z.boolean().optional(),
});

/** What the caller may do with the report now (the server's rules; the UI only hides what would be refused). */
export const ReportAbilitiesSchema = z.object({
  /** Edit the header and narrative: draft or returned, report.manage over the unit. */
  edit: z.boolean(),
  /** Submit to the level above: draft or returned, report.manage over the unit. */
  submit: z.boolean(),
  /** Return or approve: submitted, report.approve held at a unit above the report's unit. */
  review: z.boolean(),
  /** Lift the period lock of an approved report: a lock in force, report.approve above the unit. */
  unlock: z.boolean(),
});
export type ReportAbilities = z.infer<typeof ReportAbilitiesSchema>;

/** The period lock set by approving the report (the latest one), or null before approval. */
export const ReportLockSchema = z.object({
  /** The locked days: the period's start to the report's cut-off. */
  periodFrom: z.string(),
  periodTo: z.string(),
  lockedAt: z.string(),
  unlockedAt: z.string().nullable(),
  unlockReason: z.string().nullable(),
});

/** The figures of the children's reports the compiled annex tabulates (one column each, with a total row). */
export const COMPILED_KEY_FIGURES = [
  "activities.count",
  "activities.attendees",
  "groups.count",
  "groups.members",
  "households.signed",
  "tips.received",
] as const;
/** The kinds of unit that report to the level above (a province's communes, a ward's residential areas). */
export const REPORTING_UNIT_KINDS = ["district", "commune", "residential_area"] as const;
/**
 * When a child's report is due: the reviewed period's last day plus this many working days (the
 * contracts calendar, with its days off and working weekends).
 */
export const CHILD_REPORT_DUE_WORKING_DAYS = 5;
export const childReportDueOn = (periodTo: string) => addWorkingDays(periodTo, CHILD_REPORT_DUE_WORKING_DAYS);

/** One child's approved report as gathered into the parent's report, frozen at compile time. */
export const CompiledChildSchema = z.object({
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  /** The version used: the child report's id and when it was approved. */
  reportId: IdSchema,
  approvedAt: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string(),
  issuedOn: z.string(),
  /** The child's narrative of results, as written by the child. */
  quote: z.string(),
  /** The child's proposals (kiến nghị, đề xuất); empty when it made none. */
  proposals: z.string(),
  figures: z.array(ReportFigureSchema),
});
export const CompiledAnnexSchema = z.object({
  compiledAt: z.string(),
  compiledBy: z.string(),
  children: z.array(CompiledChildSchema),
  /** The sum of each key figure over the children; `partial`: some child's count was hidden ("dưới 5"). */
  totals: z.array(z.object({ code: z.string(), label: z.string(), value: z.number(), partial: z.boolean() })),
  /** Children without an approved report at compile time. */
  missing: z.array(z.object({ orgUnitId: IdSchema, orgUnitName: z.string() })),
});
export type CompiledAnnex = z.infer<typeof CompiledAnnexSchema>;

export const ReportSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  template: z.enum(REPORT_TEMPLATES),
  year: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** "Số liệu tính đến ngày …": the figures count up to here; approval locks the period up to here. */
  cutOff: z.string(),
  issuingBody: z.string(),
  parentBody: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string(),
  place: z.string(),
  issuedOn: z.string(),
  subject: z.string(),
  sections: z.array(ReportSectionSchema),
  figures: z.array(ReportFigureSchema),
  recipients: z.array(z.string()),
  signerTitle: z.string(),
  signerName: z.string(),
  status: z.enum(REPORT_STATUSES),
  comments: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
  createdAt: z.string(),
  lock: ReportLockSchema.nullable(),
  /** The annex gathered from the children's approved reports, or null when not compiled. */
  compiled: CompiledAnnexSchema.nullable().optional(),
  /** The indicator mapped over the children in the DOCX and PDF, or null. */
  mapIndicator: IndicatorCodeSchema.nullable(),
  /**
   * What that map draws for this report's unit: the provinces (country), a province's communes; null
   * where no child has official boundaries (a commune's residential areas, a pre-reform unit).
   */
  mapLevel: z.enum(["provinces", "communes"]).nullable(),
  can: ReportAbilitiesSchema,
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportSummarySchema = ReportSchema.pick({
  id: true,
  orgUnitId: true,
  orgUnitName: true,
  template: true,
  year: true,
  periodFrom: true,
  periodTo: true,
  cutOff: true,
  number: true,
  symbol: true,
  issuedOn: true,
  subject: true,
  status: true,
  createdAt: true,
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
/** A page of reports; `can.create`: the caller may compose one (for the filter unit, or somewhere in scope). */
export const ReportPageSchema = pageWithAbilitiesOf(ReportSummarySchema);

export const ListReportsQuerySchema = PageQuerySchema.extend({
  /** Reports of this unit only (it must be in the caller's scope); none: every report in scope. */
  orgUnitId: IdSchema.optional(),
  year: z.coerce
    .number({ error: "Năm không hợp lệ" })
    .int({ error: "Năm không hợp lệ" })
    .min(2000, { error: "Năm không hợp lệ" })
    .max(2100, { error: "Năm không hợp lệ" })
    .optional(),
  status: z
    .enum(REPORT_STATUSES, { error: "Trạng thái là draft, submitted, returned hoặc approved" })
    .optional(),
  /**
   * true: only submitted reports of units one level below a unit where the caller holds
   * report.approve (the reports waiting for the caller's review).
   */
  awaiting: z
    .enum(["true", "false"], { error: "awaiting là true hoặc false" })
    .transform((v) => v === "true")
    .optional(),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuerySchema>;

/** The next document number of a unit's issuing body in a year of issue (`GET /reports/next-number`). */
export const NextReportNumberQuerySchema = z.object({
  orgUnitId: IdSchema,
  issuingBody: Text(200).min(1, "Nhập cơ quan ban hành"),
  year: z.coerce
    .number({ error: "Năm không hợp lệ" })
    .int({ error: "Năm không hợp lệ" })
    .min(2000, { error: "Năm không hợp lệ" })
    .max(2100, { error: "Năm không hợp lệ" }),
});
export type NextReportNumberQuery = z.infer<typeof NextReportNumberQuerySchema>;
export const NextReportNumberSchema = z.object({ number: z.string() });

export const ExportReportQuerySchema = z.object({ format: z.enum(["docx", "pdf", "xlsx"]) });
export const ReturnReportBodySchema = z.object({ comment: Text(2000).min(1, "Nhập ý kiến khi trả lại") });
export const UnlockPeriodBodySchema = z.object({
  orgUnitId: IdSchema,
  periodFrom: Day,
  periodTo: Day,
  reason: Text(1000).min(1, "Nhập lý do mở khóa"),
});
export const PeriodLockSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  reportId: IdSchema.nullable(),
  unlockedAt: z.string().nullable(),
  unlockReason: z.string().nullable(),
});
export const UnlockResultSchema = z.object({ unlocked: z.array(PeriodLockSchema) });

/**
 * A child unit's reporting for the parent report's period: approved, submitted (awaiting approval),
 * in progress (draft or returned), or missing (no report at all).
 */
export const CHILD_REPORT_STATES = ["approved", "submitted", "in_progress", "missing"] as const;
export const ChildReportingSchema = z.object({
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  state: z.enum(CHILD_REPORT_STATES),
  reportId: IdSchema.nullable(),
  /** The first submission's day (Vietnam), or null when never submitted. */
  submittedOn: z.string().nullable(),
  /** Submitted after the due day, or not submitted and the due day has passed. */
  late: z.boolean(),
});
export const ReportCompletenessSchema = z.object({
  orgUnitId: IdSchema,
  template: z.enum(REPORT_TEMPLATES),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  total: z.number().int(),
  approved: z.number().int(),
  submitted: z.number().int(),
  notReported: z.number().int(),
  late: z.number().int(),
  children: z.array(ChildReportingSchema),
});
export type ReportCompleteness = z.infer<typeof ReportCompletenessSchema>;
