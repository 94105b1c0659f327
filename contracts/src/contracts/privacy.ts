// Request and response schemas of the privacy module: the register of processing (Law 91/2025/QH15,
// Decree 356/2025/NĐ-CP; before 2026 Decree 13/2023/NĐ-CP), data-subject requests with their legal
// clocks, the breach register and its 72-hour notice, and versioned consent texts.
import { z } from "zod";
import { clockNow } from "../calendar";
import { IdSchema, pageOf, PageQuerySchema } from "../common";
import { RoleSchema } from "../permissions";

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => text(max).min(1, message);
/** An instant typed as ISO date-time; never in the future (a small skew allowed). */
const pastInstant = (message: string) =>
  z.iso
    .datetime({ offset: true, error: "Thời điểm không hợp lệ" })
    .refine((v) => Date.parse(v) <= clockNow().getTime() + 5 * 60_000, { message });

// ---------- the register of processing ----------

/** Basic / sensitive personal data (Decree 13/2023 Art. 2.3–2.4; Law 91/2025 Art. 2, Decree 356/2025). */
export const DATA_CATEGORIES = ["basic", "sensitive"] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

/** The ground a processing rests on. */
export const LEGAL_BASES = ["state_function", "consent", "legal_obligation"] as const;
export const LegalBasisSchema = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const STORAGE_KINDS = ["sealed", "clear", "mixed"] as const;
export const StorageKindSchema = z.enum(STORAGE_KINDS);
export type StorageKind = z.infer<typeof StorageKindSchema>;

export const ProcessingActivitySchema = z.object({
  id: z.string(),
  /** The module that owns the tables. */
  module: z.string(),
  tables: z.array(z.string()),
  titleVi: z.string(),
  purposeVi: z.string(),
  legalBasis: LegalBasisSchema,
  /** The named law the basis rests on (the State agency's function), or the consent purpose. */
  lawVi: z.string(),
  categories: z.array(DataCategorySchema),
  dataTypesVi: z.array(z.string()),
  /** Roles that may read the data in clear. */
  readers: z.array(RoleSchema),
  storage: StorageKindSchema,
  storageVi: z.string(),
  /** How long it is kept and on what ground (the retention rule's key when one applies). */
  retentionVi: z.string(),
  retentionRule: z.string().nullable(),
});
export type ProcessingActivity = z.infer<typeof ProcessingActivitySchema>;

export const ProcessingRegisterSchema = z.object({
  items: z.array(ProcessingActivitySchema),
  can: z.object({ exportImpactAssessment: z.boolean() }),
});
export type ProcessingRegister = z.infer<typeof ProcessingRegisterSchema>;

// ---------- data-subject requests ----------

/** View, correct, restrict, object, delete (Law 91/2025 Art. 4). */
export const SUBJECT_REQUEST_KINDS = ["access", "correct", "restrict", "object", "delete"] as const;
export const SubjectRequestKindSchema = z.enum(SUBJECT_REQUEST_KINDS);
export type SubjectRequestKind = z.infer<typeof SubjectRequestKindSchema>;

export const SUBJECT_REQUEST_CHANNELS = ["in_person", "letter", "phone", "email", "portal"] as const;
export const SubjectRequestChannelSchema = z.enum(SUBJECT_REQUEST_CHANNELS);
export type SubjectRequestChannel = z.infer<typeof SubjectRequestChannelSchema>;

/**
 * The legal clock of each kind, in hours, and its ground. Decree 13/2023: restriction and objection
 * within 72 hours (Art. 9), providing data (Art. 14) and deleting it (Art. 16) within 72 hours.
 * Correction: no time limit was found in the text read (domain-rules §9) — the system holds it to
 * the same 72 hours and says so. Law 91/2025 / Decree 356/2025's exact limits are unverified [?].
 */
export const SUBJECT_REQUEST_CLOCKS = {
  access: { hours: 72, basisVi: "Điều 14 Nghị định 13/2023/NĐ-CP: cung cấp dữ liệu trong 72 giờ" },
  correct: {
    hours: 72,
    basisVi:
      "Chưa xác định thời hạn luật định cho yêu cầu chỉnh sửa; hệ thống áp dụng 72 giờ như các quyền khác (cần đối chiếu Luật 91/2025/QH15)",
  },
  restrict: { hours: 72, basisVi: "Điều 9 Nghị định 13/2023/NĐ-CP: hạn chế xử lý trong 72 giờ" },
  object: { hours: 72, basisVi: "Điều 9 Nghị định 13/2023/NĐ-CP: phản đối xử lý thực hiện trong 72 giờ" },
  delete: { hours: 72, basisVi: "Điều 16 Nghị định 13/2023/NĐ-CP: xóa dữ liệu trong 72 giờ" },
} as const satisfies Record<SubjectRequestKind, { hours: number; basisVi: string }>;

export const SUBJECT_REQUEST_STATUSES = ["received", "answered"] as const;
export const SubjectRequestStatusSchema = z.enum(SUBJECT_REQUEST_STATUSES);
export type SubjectRequestStatus = z.infer<typeof SubjectRequestStatusSchema>;

/** How a request ended. `exception`: the record stays (State processing for crime prevention…). */
export const SUBJECT_REQUEST_OUTCOMES = [
  "fulfilled",
  "partly_fulfilled",
  "exception",
  "no_records",
  "identity_not_verified",
] as const;
export const SubjectRequestOutcomeSchema = z.enum(SUBJECT_REQUEST_OUTCOMES);
export type SubjectRequestOutcome = z.infer<typeof SubjectRequestOutcomeSchema>;

/**
 * Grounds on which a record stays although the person asked (Decree 13/2023 Art. 16.2, 17; Law
 * 91/2025's exceptions for State processing are to be confirmed [?]).
 */
export const PROCESSING_EXCEPTIONS = ["crime_prevention", "state_function", "legal_obligation"] as const;
export const ProcessingExceptionSchema = z.enum(PROCESSING_EXCEPTIONS);
export type ProcessingException = z.infer<typeof ProcessingExceptionSchema>;

/** What identifies the person asked about; sealed when stored with the request. */
export const PersonQuerySchema = z.object({
  fullName: required(200, "Nhập họ và tên người yêu cầu").refine((v) => v.length >= 2, {
    message: "Họ và tên quá ngắn",
  }),
  birthYear: z
    .number()
    .int()
    .min(1900, "Năm sinh không hợp lệ")
    .max(2100, "Năm sinh không hợp lệ")
    .optional(),
  phone: text(30)
    .regex(/^[0-9 +().-]*$/, "Số điện thoại chỉ gồm chữ số")
    .optional(),
  identityNumber: text(20)
    .regex(/^[0-9A-Za-z]*$/, "Số định danh chỉ gồm chữ và số")
    .optional(),
  email: z.union([z.literal(""), z.email("Thư điện tử không hợp lệ").max(200)]).optional(),
  address: text(300).optional(),
});
export type PersonQuery = z.infer<typeof PersonQuerySchema>;

export const CreateSubjectRequestBodySchema = z.object({
  /** The unit (province or the country) whose officer received it. */
  orgUnitId: IdSchema,
  kind: SubjectRequestKindSchema,
  channel: SubjectRequestChannelSchema,
  /** When it was received (the clock runs from here); now when omitted. */
  receivedAt: pastInstant("Thời điểm nhận không được ở tương lai").optional(),
  /** Who checked the person's identity, and against what (e.g. "Nguyễn Văn B, CCCD bản gốc"). */
  identityCheckedBy: required(300, "Ghi rõ ai đã xác minh danh tính người yêu cầu"),
  subject: PersonQuerySchema,
  /** What the person asks, in their words. */
  details: text(4000).optional(),
});
export type CreateSubjectRequestBody = z.infer<typeof CreateSubjectRequestBodySchema>;

export const PERSON_RECORD_MATCHES = ["name", "name_birth", "phone", "email", "identity"] as const;

/** One record about the person, as the owning module describes it (never sealed content). */
export const PersonRecordSchema = z.object({
  module: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orgUnitId: IdSchema.nullable(),
  orgUnitName: z.string().nullable(),
  /** What the record is, in Vietnamese ("Chủ hộ", "Thành viên tổ …"). */
  labelVi: z.string(),
  match: z.enum(PERSON_RECORD_MATCHES),
  /** The data the record holds in clear, as the module discloses it. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Whether part of the record is sealed (given through its managing unit, not here). */
  sealed: z.boolean(),
  /** The ground on which it stays whatever the request (null: the request can be carried out). */
  exception: ProcessingExceptionSchema.nullable(),
  /** Why this record stays, in the words given to the person (with `exception`). */
  exceptionReasonVi: z.string().nullable().optional(),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const SubjectRequestSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  kind: SubjectRequestKindSchema,
  channel: SubjectRequestChannelSchema,
  receivedAt: z.string(),
  dueAt: z.string(),
  clockBasisVi: z.string(),
  status: SubjectRequestStatusSchema,
  /** Not answered and past due now. */
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
  /** Answered after the due time. */
  answeredLate: z.boolean(),
  outcome: SubjectRequestOutcomeSchema.nullable(),
  identityCheckedBy: z.string(),
  createdByName: z.string().nullable(),
});
export type SubjectRequest = z.infer<typeof SubjectRequestSchema>;

// SubjectRequestDetailSchema: privacy-actions.ts (it carries what was done with each record).

export const SubjectRequestPageSchema = pageOf(SubjectRequestSchema).extend({
  can: z.object({ create: z.boolean() }),
});
export type SubjectRequestPage = z.infer<typeof SubjectRequestPageSchema>;

export const ListSubjectRequestsQuerySchema = PageQuerySchema.extend({
  status: SubjectRequestStatusSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
export type ListSubjectRequestsQuery = z.infer<typeof ListSubjectRequestsQuerySchema>;

export const PersonRecordsSchema = z.object({ items: z.array(PersonRecordSchema) });
export type PersonRecords = z.infer<typeof PersonRecordsSchema>;

export const AnswerSubjectRequestBodySchema = z
  .object({
    outcome: SubjectRequestOutcomeSchema,
    /** The answer given to the person (Vietnamese). */
    answer: required(8000, "Nhập nội dung trả lời"),
    exceptions: z.array(ProcessingExceptionSchema).max(3).default([]),
  })
  .refine((b) => b.outcome !== "exception" || b.exceptions.length > 0, {
    path: ["exceptions"],
    message: "Chọn căn cứ giữ lại dữ liệu",
  });
export type AnswerSubjectRequestBody = z.infer<typeof AnswerSubjectRequestBodySchema>;

// ---------- breaches ----------

export const BREACH_STATUSES = ["open", "notified", "closed"] as const;
export const BreachStatusSchema = z.enum(BREACH_STATUSES);
export type BreachStatus = z.infer<typeof BreachStatusSchema>;

/** The notice to A05 within 72 hours of detection (Decree 13/2023 Art. 23; Law 91/2025). */
export const BREACH_NOTICE_HOURS = 72;

export const RecordBreachBodySchema = z.object({
  orgUnitId: IdSchema,
  detectedAt: pastInstant("Thời điểm phát hiện không được ở tương lai"),
  occurredAt: pastInstant("Thời điểm xảy ra không được ở tương lai").optional(),
  place: text(300).optional(),
  nature: required(4000, "Mô tả tính chất vi phạm"),
  categories: z.array(DataCategorySchema).min(1, "Chọn loại dữ liệu bị ảnh hưởng"),
  dataDescription: required(2000, "Mô tả dữ liệu bị ảnh hưởng"),
  peopleAffected: z.number().int().min(0, "Số người không hợp lệ").max(100_000_000, "Số người không hợp lệ"),
  consequences: text(4000).optional(),
  actionsTaken: required(4000, "Ghi các biện pháp đã thực hiện"),
  contactName: required(200, "Ghi người liên hệ"),
  contactPhone: text(30).optional(),
});
export type RecordBreachBody = z.infer<typeof RecordBreachBodySchema>;

export const RecordBreachNoticeBodySchema = z.object({
  notifiedAt: pastInstant("Thời điểm thông báo không được ở tương lai"),
  /** The dispatch number or channel of the notice. */
  reference: required(200, "Ghi số văn bản hoặc cách thức thông báo"),
  /** Required when the notice went after the 72 hours (Decree 13/2023 Art. 23). */
  lateReason: text(2000).optional(),
});
export type RecordBreachNoticeBody = z.infer<typeof RecordBreachNoticeBodySchema>;

export const BreachSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  detectedAt: z.string(),
  occurredAt: z.string().nullable(),
  place: z.string().nullable(),
  nature: z.string(),
  categories: z.array(DataCategorySchema),
  dataDescription: z.string(),
  peopleAffected: z.number().int(),
  consequences: z.string().nullable(),
  actionsTaken: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  status: BreachStatusSchema,
  noticeDueAt: z.string(),
  notifiedAt: z.string().nullable(),
  noticeReference: z.string().nullable(),
  lateReason: z.string().nullable(),
  /** Not yet notified and past the 72 hours now. */
  overdue: z.boolean(),
  can: z.object({ notify: z.boolean() }),
});
export type Breach = z.infer<typeof BreachSchema>;

export const BreachPageSchema = pageOf(BreachSchema).extend({ can: z.object({ create: z.boolean() }) });
export type BreachPage = z.infer<typeof BreachPageSchema>;
export const ListBreachesQuerySchema = PageQuerySchema.extend({ status: BreachStatusSchema.optional() });
export type ListBreachesQuery = z.infer<typeof ListBreachesQuerySchema>;

// ---------- consent texts ----------

/** Purposes that rest on consent: one consent per purpose (Decree 13/2023 Art. 11). */
export const CONSENT_PURPOSES = [
  "commendation_register",
  "tip_contact",
  "feedback_contact",
  "photo",
] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

export const CreateConsentTextBodySchema = z.object({
  purpose: ConsentPurposeSchema,
  /** What the person is told and agrees to (data, purpose, controller, rights). */
  textVi: required(8000, "Nhập nội dung lời đồng ý"),
  /** What withdrawing it means (Decree 13/2023 Art. 12: the consequences are explained). */
  withdrawalConsequenceVi: required(2000, "Nêu hệ quả khi rút lại sự đồng ý"),
});
export type CreateConsentTextBody = z.infer<typeof CreateConsentTextBodySchema>;

export const ConsentTextSchema = z.object({
  id: IdSchema,
  purpose: ConsentPurposeSchema,
  version: z.number().int(),
  textVi: z.string(),
  withdrawalConsequenceVi: z.string(),
  createdAt: z.string(),
  /** The latest version of its purpose (what new consents are given to). */
  current: z.boolean(),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;
export const ConsentTextListSchema = z.object({
  items: z.array(ConsentTextSchema),
  can: z.object({ create: z.boolean() }),
});
export type ConsentTextList = z.infer<typeof ConsentTextListSchema>;

/** What the officer's landing page shows: open clocks. */
export const PrivacyOverviewSchema = z.object({
  openRequests: z.number().int(),
  overdueRequests: z.number().int(),
  openBreaches: z.number().int(),
  overdueBreaches: z.number().int(),
  /** The nearest due time of an open request or un-notified breach. */
  nextDueAt: z.string().nullable(),
  /** Records whose processing is restricted at their subjects' requests (a count: the list is the officer's). */
  restrictedRecords: z.number().int(),
  /** `restrictions`: the caller may list restricted records and lift them (`privacy.manage`). */
  can: z.object({ restrictions: z.boolean() }),
});
export type PrivacyOverview = z.infer<typeof PrivacyOverviewSchema>;

/** A due instant `hours` after `from` (ISO). Hours are real hours: the law counts 72 hours, not days. */
export const dueAfterHours = (from: string, hours: number): string =>
  new Date(Date.parse(from) + hours * 3_600_000).toISOString();
