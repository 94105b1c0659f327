import { z } from "zod";
import { IsoDateSchema } from "../common";

/**
 * Retention (issue 19 item 5; Law 91/2025/QH15 Art. 3: data kept only as long as the purpose
 * needs). One rule per kind of record: after `periodMonths` from the record's end event, the
 * personal fields are removed (de-identified) while the row and its dates stay, so every count and
 * rollup stays right. Periods the domain rules do not give are configurable defaults marked
 * `periodConfirmed: false` ("[?]").
 */
export const RETENTION_KINDS = [
  "group_member_left",
  "household_moved_out",
  "tip_contact_closed",
  "feedback_identity_closed",
  "case_file_closed",
  "data_subject_request",
] as const;
export const RetentionKindSchema = z.enum(RETENTION_KINDS);
export type RetentionKind = z.infer<typeof RetentionKindSchema>;

export const RETENTION_PERIOD_MAX_MONTHS = 1200;

export const RetentionRuleSchema = z.object({
  kind: RetentionKindSchema,
  /** What the rule keeps and removes, in Vietnamese. */
  title: z.string(),
  /** The end event the period counts from. */
  countsFrom: z.string(),
  /** What is removed when due (the row stays; its dates keep the figures). */
  removes: z.string(),
  periodMonths: z.number().int(),
  /** The default period's source: true when the domain rules give it, false for a "[?]" default. */
  periodConfirmed: z.boolean(),
  defaultPeriodMonths: z.number().int(),
  basis: z.string(),
  /** Whether the daily job acts on this kind yet (false: listed, carried out by hand). */
  automated: z.boolean(),
  enabled: z.boolean(),
  lastRunOn: IsoDateSchema.nullable(),
});
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

export const RetentionRuleListSchema = z.object({
  items: z.array(RetentionRuleSchema),
  can: z.object({ update: z.boolean(), run: z.boolean() }),
});
export type RetentionRuleList = z.infer<typeof RetentionRuleListSchema>;

export const UpdateRetentionRuleBodySchema = z
  .object({
    periodMonths: z
      .number({ message: "Thời hạn phải là số tháng" })
      .int("Thời hạn phải là số tháng nguyên")
      .min(0, "Thời hạn không được âm")
      .max(RETENTION_PERIOD_MAX_MONTHS, `Thời hạn tối đa ${RETENTION_PERIOD_MAX_MONTHS} tháng`)
      .optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => b.periodMonths !== undefined || b.enabled !== undefined, {
    message: "Cần thời hạn hoặc trạng thái áp dụng",
    path: ["periodMonths"],
  });
export type UpdateRetentionRuleBody = z.infer<typeof UpdateRetentionRuleBodySchema>;

export const RunRetentionBodySchema = z.object({
  /** true: count what is due and write nothing. */
  dryRun: z.boolean({ message: "Cần cho biết chạy thử hay chạy thật" }),
});
export type RunRetentionBody = z.infer<typeof RunRetentionBodySchema>;

export const RetentionRunItemSchema = z.object({
  kind: RetentionKindSchema,
  /** Records whose end event is before this day are due. */
  cutoff: IsoDateSchema,
  due: z.number().int(),
  /** Records de-identified by this run (0 in a dry run). */
  done: z.number().int(),
  /** Why nothing was done: rule off, not automated yet. */
  skipped: z.enum(["disabled", "not_automated"]).nullable(),
  /**
   * A dry run's list of the first due records (at most 100, oldest first): the record's id and unit,
   * never personal data. Absent from a real run.
   */
  records: z
    .array(z.object({ id: z.string().uuid(), unitId: z.string().uuid(), unitName: z.string() }))
    .optional(),
});
export const RetentionRunSchema = z.object({
  dryRun: z.boolean(),
  runOn: IsoDateSchema,
  items: z.array(RetentionRunItemSchema),
});
export type RetentionRun = z.infer<typeof RetentionRunSchema>;
