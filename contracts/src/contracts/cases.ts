// Request and response schemas of the cases module: reintegration of people released from prison
// (Decree 49/2020/NĐ-CP, Circular 10/2024/TT-BCA) and education at commune level. Case files are
// criminal-record data (sensitive personal data): encrypted at rest, every read logged with a reason.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import type { Transitions } from "../workflow";

import { CaseHelpPartsSchema } from "./case-help";

export * from "./case-transfers";
export * from "./case-help";
export * from "./case-stats";

/**
 * released_prisoner: Decree 49/2020, Circular 10/2024; commune_education: Decree 120/2021;
 * social_evil: a person with a social evil (prostitution, gambling, drug use…) helped and educated by
 * the community; drug_user: an illegal drug user or a person after rehabilitation under the commune's
 * management; community_reprimand: educated before the residential community (case-help.ts [?]).
 */
export const CASE_KINDS = [
  "released_prisoner",
  "commune_education",
  "social_evil",
  "drug_user",
  "community_reprimand",
] as const;
export const CaseKindSchema = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKindSchema>;

/** Offence categories (chapters of the Criminal Code, coarse): the detail is encrypted notes. */
export const OFFENCE_CATEGORIES = [
  "property",
  "drugs",
  "violence",
  "public_order",
  "traffic",
  "economic",
  "national_security",
  "prostitution",
  "gambling",
  "drug_use",
  "other",
] as const;
export const OffenceCategorySchema = z.enum(OFFENCE_CATEGORIES);
export type OffenceCategory = z.infer<typeof OffenceCategorySchema>;

/** Classification groups (Circular 10/2024 Art. 12). */
export const CASE_GROUPS = ["A", "B", "C", "D"] as const;
export const CaseGroupSchema = z.enum(CASE_GROUPS);
export type CaseGroup = z.infer<typeof CaseGroupSchema>;

export const SUPPORT_KINDS = [
  "job",
  "vocational_training",
  "loan",
  "residence_registration",
  "counselling",
] as const;
export const SupportKindSchema = z.enum(SUPPORT_KINDS);
export type SupportKind = z.infer<typeof SupportKindSchema>;

/**
 * The legal grounds on which supervision ends.
 * - Released prisoners (Circular 10/2024/TT-BCA Art. 14): record expunged (automatically or by the
 *   court, Art. 13), moved residence (the file goes to the new commune, Art. 15), settled abroad,
 *   missing (declared missing by a court / residence unknown), died, convicted again and imprisoned.
 * - Education at the commune (Decree 120/2021/NĐ-CP) [?] unverified: the measure's term served, ended
 *   early after half the term for good progress, moved (file transferred), died.
 * "moved" is never chosen when closing: the move is `transferCase`, and the file continues at the
 * new commune; the value stays for files moved before transfers existed (migration 0018).
 */
export const CASE_OUTCOMES = [
  "expunged",
  "moved",
  "settled_abroad",
  "missing",
  "died",
  "reimprisoned",
  "completed",
  "ended_early",
  "reformed",
  "management_ended",
] as const;
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** The grounds each kind of file may end on (the closing picker offers these, less "moved"). */
export const CASE_OUTCOMES_BY_KIND = {
  released_prisoner: ["expunged", "moved", "settled_abroad", "missing", "died", "reimprisoned"],
  commune_education: ["completed", "ended_early", "moved", "died"],
  social_evil: ["reformed", "moved", "missing", "died", "reimprisoned"],
  drug_user: ["management_ended", "reformed", "moved", "missing", "died", "reimprisoned"],
  community_reprimand: ["completed", "moved", "died"],
} as const satisfies Record<CaseKind, readonly CaseOutcome[]>;

export const CASE_STATUSES = ["reported_in", "assigned", "transferring", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/**
 * Assigned (again, when the decision is replaced) until closed; a closed file is final. A move
 * sends the file to the new commune (transferring) until that commune receives it, which starts
 * its own assignment (Circular 10/2024 Art. 15).
 */
export const CASE_TRANSITIONS = {
  reported_in: ["assigned", "transferring", "closed"],
  assigned: ["assigned", "transferring", "closed"],
  transferring: ["reported_in", "closed"],
  closed: [],
} as const satisfies Transitions<CaseStatus>;

/** Legal clocks: working days after the reporting-in meeting (Circular 10/2024 Art. 10, 11). */
export const CASE_DEADLINES = { assignWorkingDays: 3, openFileWorkingDays: 5, quarterReportDay: 5 } as const;

/**
 * Education at the commune (Decree 120/2021/NĐ-CP, Law on Handling Administrative Violations
 * Art. 90). [?] None of these figures is verified from the primary text (domain-rules §4d.4): they
 * are configuration to confirm. Clocks run from the commune chairman's decision.
 * - the term: 3 to 6 months;
 * - the decision reaches the assigned agency, organisation or family, which takes the person over,
 *   within `assignWorkingDays`; it draws up the management and education plan within `planWorkingDays`;
 * - the supervisor reports monthly, by day `monthReportDay` of the next month;
 * - the term may end early once half of it is served with good progress.
 */
export const EDUCATION_DEADLINES = {
  minMonths: 3,
  maxMonths: 6,
  assignWorkingDays: 5,
  planWorkingDays: 5,
  monthReportDay: 5,
  earlyEndShare: 0.5,
} as const;

export const CASE_REGIMES = [
  "circular_10_2024",
  "decree_120_2021",
  "drug_prevention_2021",
  "community",
] as const;
export type CaseRegime = (typeof CASE_REGIMES)[number];
export const regimeOf = (kind: CaseKind): CaseRegime =>
  kind === "commune_education"
    ? "decree_120_2021"
    : kind === "drug_user"
      ? "drug_prevention_2021"
      : kind === "social_evil" || kind === "community_reprimand"
        ? "community"
        : "circular_10_2024";

const text = (max: number) => z.string().trim().max(max);
const QUARTER = z.string().regex(/^\d{4}-Q[1-4]$/, "Quý phải có dạng 2026-Q1");
const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Tháng phải có dạng 2026-01");

/** Identity number: 12-digit citizen identity card (CCCD) or 9-digit legacy ID card (CMND). */
export const IdentityNumberSchema = z
  .string()
  .trim()
  .regex(/^(\d{9}|\d{12})$/, "Số định danh phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ)");

export const CreateCaseBodySchema = z
  .object({
    kind: CaseKindSchema,
    orgUnitId: IdSchema,
    fullName: text(200).min(1, "Chưa nhập họ tên"),
    dateOfBirth: IsoDateSchema,
    identityNumber: IdentityNumberSchema,
    offenceCategory: OffenceCategorySchema,
    offence: text(1000).min(1, "Chưa nhập tội danh / hành vi"),
    releaseOrDecisionDate: IsoDateSchema,
    reportedInOn: IsoDateSchema,
    notes: text(4000).optional(),
    /** Education at the commune: the term in the chairman's decision, 3–6 months (Decree 120/2021 [?]). */
    measureMonths: z.number().int().min(1).max(24).optional(),
  })
  .refine(
    (b) =>
      b.kind !== "commune_education" ||
      (b.measureMonths !== undefined &&
        b.measureMonths >= EDUCATION_DEADLINES.minMonths &&
        b.measureMonths <= EDUCATION_DEADLINES.maxMonths),
    { path: ["measureMonths"], message: "Thời hạn giáo dục tại xã phải từ 3 đến 6 tháng" },
  )
  .refine((b) => b.kind === "commune_education" || b.measureMonths === undefined, {
    path: ["measureMonths"],
    message: "Chỉ hồ sơ giáo dục tại xã mới có thời hạn áp dụng",
  })
  .refine((b) => b.reportedInOn >= b.releaseOrDecisionDate, {
    path: ["reportedInOn"],
    message: "Ngày trình diện không thể trước ngày ra trại / ngày quyết định",
  })
  .refine((b) => b.dateOfBirth < b.releaseOrDecisionDate, {
    path: ["dateOfBirth"],
    message: "Ngày sinh phải trước ngày ra trại / ngày quyết định",
  });
export type CreateCaseBody = z.infer<typeof CreateCaseBodySchema>;

export const AssignCaseBodySchema = z.object({
  assigneeBodyId: IdSchema,
  mentorName: text(200).optional(),
  decisionNumber: text(64).min(1, "Chưa nhập số quyết định"),
  decidedOn: IsoDateSchema,
  fileOpenedOn: IsoDateSchema.optional(),
});
export type AssignCaseBody = z.infer<typeof AssignCaseBodySchema>;

/** A quarterly report (Circular 10/2024, `quarter`) or a monthly one (Decree 120/2021, `month`). */
export const RecordCaseReportBodySchema = z
  .object({
    quarter: QUARTER.optional(),
    month: MONTH.optional(),
    reportedOn: IsoDateSchema,
    summary: text(4000).min(1, "Chưa nhập nội dung báo cáo"),
  })
  .refine((b) => (b.quarter === undefined) !== (b.month === undefined), {
    path: ["quarter"],
    message: "Chọn quý (người chấp hành xong án) hoặc tháng (giáo dục tại xã) của báo cáo",
  });
export type RecordCaseReportBody = z.infer<typeof RecordCaseReportBodySchema>;

export const ClassifyCaseBodySchema = z.object({
  quarter: QUARTER,
  group: CaseGroupSchema,
  classifiedOn: IsoDateSchema,
  notes: text(2000).optional(),
});
export type ClassifyCaseBody = z.infer<typeof ClassifyCaseBodySchema>;

export const RecordCaseSupportBodySchema = z.object({
  kind: SupportKindSchema,
  providedOn: IsoDateSchema,
  provider: text(200).min(1, "Chưa nhập đơn vị hỗ trợ"),
  notes: text(2000).optional(),
});
export type RecordCaseSupportBody = z.infer<typeof RecordCaseSupportBodySchema>;

export const CloseCaseBodySchema = z.object({
  outcome: CaseOutcomeSchema,
  closedOn: IsoDateSchema,
  decisionNumber: text(64).optional(),
  notes: text(2000).optional(),
});
export type CloseCaseBody = z.infer<typeof CloseCaseBodySchema>;

export const GetCaseQuerySchema = z.object({
  reason: text(500).min(5, "Ghi rõ lý do mở hồ sơ (ít nhất 5 ký tự)"),
});

export const DeadlineSchema = z.object({
  dueOn: IsoDateSchema,
  doneOn: IsoDateSchema.nullable(),
  /** Working days from today to the deadline (negative when late); null once done. */
  workingDaysLeft: z.number().int().nullable(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CaseSummarySchema = z.object({
  id: IdSchema,
  kind: CaseKindSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  communeId: IdSchema,
  fullName: z.string(),
  reportedInOn: IsoDateSchema,
  status: z.enum(CASE_STATUSES),
  assigneeBodyName: z.string().nullable(),
  latestGroup: CaseGroupSchema.nullable(),
  assignDeadline: DeadlineSchema,
  fileDeadline: DeadlineSchema,
  nextQuarterReportDueOn: IsoDateSchema.nullable(),
  /** The earliest quarterly report not yet made, as a deadline (late when its due day has passed). */
  quarterReportDeadline: DeadlineSchema.nullable(),
  outcome: CaseOutcomeSchema.nullable(),
  regime: z.enum(CASE_REGIMES),
  /** Circular 10/2024: quarterly; Decree 120/2021: monthly (then `quarterReportDeadline` is the month's). */
  reportCadence: z.enum(["quarterly", "monthly"]),
  /** Education at the commune: the term and when it may end early; null for released prisoners. */
  measure: z
    .object({ months: z.number().int(), endsOn: IsoDateSchema, earlyEndFrom: IsoDateSchema })
    .nullable(),
  /** A move waiting for the receiving commune: its clocks, shown to the receiver. */
  pendingTransfer: z
    .object({
      fromCommuneName: z.string(),
      transferredOn: IsoDateSchema,
      receiveDeadline: DeadlineSchema,
      residenceCheckDeadline: DeadlineSchema,
    })
    .nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CasePageSchema = pageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  ...CaseHelpPartsSchema.shape,
  dateOfBirth: IsoDateSchema,
  identityNumber: z.string(),
  offenceCategory: OffenceCategorySchema,
  offence: z.string(),
  releaseOrDecisionDate: IsoDateSchema,
  notes: z.string().nullable(),
  assigneeBodyId: IdSchema.nullable(),
  mentorName: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: IsoDateSchema.nullable(),
  fileOpenedOn: IsoDateSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  reports: z.array(
    z.object({ id: IdSchema, quarter: z.string(), reportedOn: IsoDateSchema, summary: z.string() }),
  ),
  classifications: z.array(
    z.object({
      id: IdSchema,
      quarter: z.string(),
      group: CaseGroupSchema,
      classifiedOn: IsoDateSchema,
      notes: z.string().nullable(),
    }),
  ),
  supports: z.array(
    z.object({
      id: IdSchema,
      kind: SupportKindSchema,
      providedOn: IsoDateSchema,
      provider: z.string(),
      notes: z.string().nullable(),
    }),
  ),
  /** Moves of the file between communes, oldest first (the previous communes' history stays). */
  transfers: z.array(
    z.object({
      id: IdSchema,
      fromCommuneName: z.string(),
      toCommuneName: z.string(),
      movedOn: IsoDateSchema,
      transferredOn: IsoDateSchema,
      reason: z.string(),
      previousAssigneeBodyName: z.string().nullable(),
      receiveDueOn: IsoDateSchema,
      residenceCheckDueOn: IsoDateSchema,
      receivedOn: IsoDateSchema.nullable(),
      residenceCheckedOn: IsoDateSchema.nullable(),
    }),
  ),
  /** Why the caller may read the file. */
  accessBasis: z.enum(["case_officer", "commune_police", "assignee"]),
  /** What this caller may do with the file now. */
  can: z.object({
    assign: z.boolean(),
    report: z.boolean(),
    classify: z.boolean(),
    support: z.boolean(),
    close: z.boolean(),
    transfer: z.boolean(),
    receive: z.boolean(),
    readAccessLog: z.boolean(),
    /** Help instances (social evils, drug users), rehabilitation referrals, sessions before the community. */
    help: z.boolean(),
    refer: z.boolean(),
    communitySession: z.boolean(),
  }),
  /** The grounds the file may be closed on now (the kind's legal grounds, less "moved"). */
  closeOutcomes: z.array(CaseOutcomeSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const ListCasesQuerySchema = PageQuerySchema.extend({
  status: z.enum(CASE_STATUSES).optional(),
  kind: CaseKindSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuerySchema>;

export const CaseAccessEntrySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  accountId: IdSchema,
  username: z.string(),
  /** The account's display name: how every log line names the person. */
  displayName: z.string(),
  basis: z.string(),
  purpose: z.string(),
  reason: z.string(),
  accessedAt: z.string(),
});
export const CaseAccessPageSchema = pageOf(CaseAccessEntrySchema);
