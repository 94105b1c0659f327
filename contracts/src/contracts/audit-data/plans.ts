// Audit data schemas (see ../audit-data.ts): plans and their sources, reports and the period locks.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import { ReviewKindSchema, SourceKindSchema } from "../plans";
import { REPORT_STATUSES, REPORT_TEMPLATES } from "../reports";
import { count, text, fromTo } from "./shared";

const PlanHeaderSchema = z.object({
  number: text,
  title: text,
  periodFrom: count,
  periodTo: count,
});

const ReportMoveSchema = z.object({
  ...fromTo(z.enum(REPORT_STATUSES)),
  /** The reviewer's comment, when there is one (its text is the report's, not a citizen's). */
  comment: text.optional(),
});

export const AUDIT_DATA_PLANS = {
  "plan.created": z.object({ number: text, tasks: count, targets: count }),
  "plan.updated": z.object({
    before: PlanHeaderSchema,
    after: PlanHeaderSchema,
    tasks: count,
    milestones: count,
    targets: count,
  }),
  "plan.deleted": z.object({ number: text, title: text }),
  "plan.source_registered": z.object({ kind: SourceKindSchema, number: text, issuer: text }),
  "plan.reviewed": z.object({
    number: text,
    kind: ReviewKindSchema,
    year: count,
    sourceNumber: text.nullable(),
  }),

  "report.created": z.object({
    template: z.enum(REPORT_TEMPLATES),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    symbol: text,
  }),
  "report.updated": z.object({ fields: z.array(text) }),
  /** Gathered from the level below: the approved reports used, the units without one. */
  "report.compiled": z.object({ children: count, missing: count }),
  "report.submitted": ReportMoveSchema,
  "report.returned": ReportMoveSchema,
  "report.approved": ReportMoveSchema,

  "period.unlocked": z.object({
    reason: text,
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
    locks: z.array(IdSchema),
  }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
