// Movement classification (Decision 510/QĐ-BCA-V05) and the register of disqualifying events.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf, pageWithAbilitiesOf } from "../common";
import {
  DISCIPLINE_EVENT_KINDS,
  DisqualifyingEventKindSchema,
  EventSeveritySchema,
  MovementLevelSchema,
} from "./certification";
import { DisciplineLevelSchema } from "./certification-criteria";

const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);
// ---------- movement classification ----------

export const ScoringCriterionSchema = z.object({
  code: z.string(),
  label: z.string(),
  maxPoints: z.number(),
});
export const ScoringSheetSchema = z.object({
  code: z.string(),
  version: z.string(),
  nameVi: z.string(),
  source: z.string(),
  verified: z.boolean(),
  criteria: z.array(ScoringCriterionSchema),
  /** Minimum total for each level, highest first. */
  thresholds: z.object({ excellent: z.number(), good: z.number(), average: z.number() }),
});
export type ScoringSheet = z.infer<typeof ScoringSheetSchema>;
export const ScoringSheetListSchema = pageOf(ScoringSheetSchema);

export const ClassifyMovementBodySchema = z.object({
  sheetCode: z.string().min(1).max(64),
  scores: z.record(z.string().max(64), z.number().min(0).max(1000)),
});
export type ClassifyMovementBody = z.infer<typeof ClassifyMovementBodySchema>;

export const MovementClassificationSchema = z.object({
  sheetCode: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  level: MovementLevelSchema,
});

// ---------- disqualifying events ----------

const isDiscipline = (kind: string) => (DISCIPLINE_EVENT_KINDS as readonly string[]).includes(kind);
export const RecordDisqualifyingEventBodySchema = z
  .object({
    orgUnitId: IdSchema,
    kind: DisqualifyingEventKindSchema,
    occurredOn: IsoDateSchema,
    severity: EventSeveritySchema,
    forceMajeure: z.boolean().default(false),
    /**
     * Detected promptly, harm mitigated and reported at once (Art. 4.4.b): a condition on the force
     * majeure exception, never an excuse by itself.
     */
    reportedPromptly: z.boolean().default(false),
    /** For a discipline kind: the form of discipline (Art. 6.3.h counts "cảnh cáo" or above). */
    disciplineLevel: DisciplineLevelSchema.optional(),
    description: required(2000, "Chưa mô tả sự việc"),
  })
  .superRefine((b, ctx) => {
    if (isDiscipline(b.kind) && !b.disciplineLevel) {
      ctx.addIssue({ code: "custom", path: ["disciplineLevel"], message: "Chưa chọn hình thức kỷ luật" });
    }
    if (!isDiscipline(b.kind) && b.disciplineLevel) {
      ctx.addIssue({
        code: "custom",
        path: ["disciplineLevel"],
        message: "Hình thức kỷ luật chỉ ghi cho sự việc kỷ luật",
      });
    }
  });
export type RecordDisqualifyingEventBody = z.infer<typeof RecordDisqualifyingEventBodySchema>;

export const DisqualifyingEventSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  kind: DisqualifyingEventKindSchema,
  occurredOn: IsoDateSchema,
  severity: EventSeveritySchema,
  forceMajeure: z.boolean(),
  reportedPromptly: z.boolean(),
  disciplineLevel: DisciplineLevelSchema.nullable(),
  description: z.string(),
  /** Whether, by the configured rule for its kind, the event disqualifies the unit. */
  disqualifies: z.boolean(),
  /** The rule applied, with its article: "Thông tư 124/2021/TT-BCA, Điều 6 khoản 3 điểm g — …". */
  basis: z.string().nullable(),
  createdAt: z.string(),
});
export type DisqualifyingEvent = z.infer<typeof DisqualifyingEventSchema>;
/** A page of the register; `can.create`: the caller may record an event (at the filter unit, or in scope). */
export const DisqualifyingEventPageSchema = pageWithAbilitiesOf(DisqualifyingEventSchema);
export const ListDisqualifyingEventsQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
