// Carrying out a data subject's request (issue 19): what each records module did with each record
// about the person — done, or kept on a legal ground with the reason — and the officer's confirmation.
import { z } from "zod";
import {
  PersonQuerySchema,
  ProcessingExceptionSchema,
  SubjectRequestSchema,
  type SubjectRequestKind,
} from "./privacy";

const text = (max: number) => z.string().trim().max(max);

/** What a module does with one record: erase (de-identify), restrict processing, correct, or disclose. */
export const RECORD_ACTIONS = ["access", "erase", "restrict", "correct"] as const;
export const RecordActionSchema = z.enum(RECORD_ACTIONS);
export type RecordAction = z.infer<typeof RecordActionSchema>;

/** The action each kind of request asks of every record (an objection stops processing: restrict). */
export const REQUEST_KIND_ACTIONS = {
  access: "access",
  correct: "correct",
  restrict: "restrict",
  object: "restrict",
  delete: "erase",
} as const satisfies Record<SubjectRequestKind, RecordAction>;

/** done: carried out; kept: the record stays on a legal ground (the reason says which); none: nothing held any more. */
export const RECORD_ACTION_OUTCOMES = ["done", "kept", "none"] as const;
export const RecordActionOutcomeSchema = z.enum(RECORD_ACTION_OUTCOMES);
export type RecordActionOutcome = z.infer<typeof RecordActionOutcomeSchema>;

/** The corrected values for a correction request; only the fields the person asked to change. */
export const PersonCorrectionSchema = z
  .object({
    fullName: text(200).optional(),
    phone: text(30)
      .regex(/^[0-9 +().-]*$/, "Số điện thoại chỉ gồm chữ số")
      .optional(),
    address: text(300).optional(),
  })
  .refine((c) => Boolean(c.fullName || c.phone || c.address), {
    message: "Nhập ít nhất một thông tin cần chỉnh sửa",
  });
export type PersonCorrection = z.infer<typeof PersonCorrectionSchema>;

export const ExecuteSubjectRequestBodySchema = z.object({
  /** The officer confirmed the action on every record listed. */
  confirm: z.literal(true, { error: "Xác nhận trước khi thực hiện" }),
  /** Required for a correction request: the corrected values. */
  correction: PersonCorrectionSchema.optional(),
});
export type ExecuteSubjectRequestBody = z.infer<typeof ExecuteSubjectRequestBodySchema>;

/** What a module answers for one record it was asked to act on. */
export type RecordActionResult = {
  outcome: RecordActionOutcome;
  exception: z.infer<typeof ProcessingExceptionSchema> | null;
  /** Why the record stays (Vietnamese), or what was done when it needs saying. */
  reasonVi: string | null;
};

/** One record's outcome, as stored with the request and shown on it. */
export const RecordActionEntrySchema = z.object({
  module: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orgUnitName: z.string().nullable(),
  labelVi: z.string(),
  action: RecordActionSchema,
  outcome: RecordActionOutcomeSchema,
  exception: ProcessingExceptionSchema.nullable(),
  reasonVi: z.string().nullable(),
  actedAt: z.string(),
});
export type RecordActionEntry = z.infer<typeof RecordActionEntrySchema>;

export const SubjectRequestDetailSchema = SubjectRequestSchema.extend({
  /** The person's details: only for the officer who manages requests (else null). */
  subject: PersonQuerySchema.nullable(),
  details: z.string().nullable(),
  answer: z.string().nullable(),
  exceptions: z.array(ProcessingExceptionSchema),
  recordsFound: z.number().int().nullable(),
  /** When the officer carried the request out on the records found (null: not yet). */
  executedAt: z.string().nullable(),
  /** What was done with each record, or why it stays (for the officer who manages it; else empty). */
  actions: z.array(RecordActionEntrySchema),
  can: z.object({ search: z.boolean(), answer: z.boolean(), export: z.boolean(), execute: z.boolean() }),
});
export type SubjectRequestDetail = z.infer<typeof SubjectRequestDetailSchema>;

/** What the privacy module asks a records module to do with one of its records (inside its transaction). */
export type PersonActionContext = {
  action: Exclude<RecordAction, "access">;
  requestId: string;
  actorId: string;
  correction?: PersonCorrection;
};
