// Batch sync of the offline outbox (issue 18, decision 0015): a phone sends its queued records in
// order, up to SYNC_BATCH_MAX a request, instead of one request each. Each entry runs exactly as its
// own route would (validation, permission, scope, Idempotency-Key, If-Match, audit) in its own
// transaction, and gets its own answer; a refused entry stops nothing.
import { z } from "zod";
import { ApiErrorBodySchema } from "../errors";

/** The most entries one batch may carry. */
export const SYNC_BATCH_MAX = 50;

/** The capture operations a batch may carry (the signed sheet's photo is sent alone, as a file). */
export const SYNC_OPERATIONS = [
  "createActivity",
  "updateActivity",
  "createHousehold",
  "updateHousehold",
  "recordCommitment",
  "addGroupMember",
  "removeGroupMember",
  "createDutyLog",
  "updateDutyLog",
] as const;
export type SyncOperation = (typeof SYNC_OPERATIONS)[number];

/** The same pattern as the Idempotency-Key header. */
const ClientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, "Mã bản ghi phải là một UUID hoặc 8–128 ký tự chữ, số, dấu . _ : -");

export const SyncBatchEntrySchema = z.strictObject({
  /** The outbox record's client id, used as its Idempotency-Key. */
  clientId: ClientIdSchema,
  operation: z.enum(SYNC_OPERATIONS, { error: "Thao tác không được hỗ trợ trong gửi gộp" }),
  /** The operation's path parameters by name (`id`, `logId`, `memberId`). */
  params: z.record(z.string(), z.string().min(1).max(100)).default({}),
  /**
   * Path parameters given by an earlier entry of the same batch, by name → that entry's client id:
   * the server fills each with the id that entry's answer carries (a new household's commitment
   * names the household's client id). When that entry was refused, this one is not run and is
   * answered 409 `reference_missing` on `refs.<name>`.
   */
  refs: z.record(z.string(), ClientIdSchema).default({}),
  /** The operation's JSON body, checked by the operation's own schema. */
  body: z.unknown().optional(),
  /** The row version an edit started from (If-Match). */
  ifMatch: z.number().int().min(0).max(999_999_999).optional(),
});
export type SyncBatchEntry = z.input<typeof SyncBatchEntrySchema>;

export const SyncBatchBodySchema = z.strictObject({
  entries: z
    .array(SyncBatchEntrySchema)
    .min(1, "Gửi ít nhất một bản ghi")
    .max(SYNC_BATCH_MAX, `Tối đa ${SYNC_BATCH_MAX} bản ghi mỗi lần gửi`)
    .refine((es) => new Set(es.map((e) => e.clientId)).size === es.length, {
      message: "Một mã bản ghi xuất hiện hai lần",
    }),
});
export type SyncBatchBody = z.input<typeof SyncBatchBodySchema>;

/** One entry's answer: its route's status and body, or its error in the one error shape. */
export const SyncBatchResultSchema = z.object({
  clientId: z.string(),
  status: z.number().int(),
  /** The answer was stored from an earlier send of the same record (Idempotency-Replayed). */
  replayed: z.boolean(),
  body: z.unknown().optional(),
  error: ApiErrorBodySchema.shape.error.optional(),
});
export type SyncBatchResult = z.infer<typeof SyncBatchResultSchema>;

export const SyncBatchResponseSchema = z.object({ results: z.array(SyncBatchResultSchema) });
export type SyncBatchResponse = z.infer<typeof SyncBatchResponseSchema>;

/**
 * The capture hub and the activity form a first visit gets as plain HTML, before the scripts
 * arrive (issue 18): the web build writes it to dist/capture-first.json from the React form's own
 * fields, choices and Vietnamese labels; the server's capture module lays it out.
 */
export type FirstVisitForm = {
  appName: string;
  skipToContent: string;
  hub: {
    title: string;
    intro: string;
    area: string;
    noUnit: string;
    outbox: string;
    tiles: { href: string; title: string; hint: string }[];
    activity: { title: string; hint: string };
  };
  form: Record<
    | "kind"
    | "date"
    | "organizers"
    | "upperOrganizers"
    | "topics"
    | "title"
    | "figures"
    | "moreFigures"
    | "save"
    | "sent"
    | "notSent",
    string
  >;
  defaultKind: string;
  kinds: { value: string; label: string }[];
  topics: { value: string; label: string }[];
  mainFigures: { name: string; label: string; decimal: boolean }[];
  moreFigures: { name: string; label: string; decimal: boolean }[];
};
