// Request and response schemas of the pilots module: a commune or ward, a residential area or a model
// designated by a decision as a pilot ("xây dựng điểm", "mô hình điểm") for a topic or model type,
// its evaluations, and its replication ("nhân rộng") to other units.
import { z } from "zod";
import { isNotFuture } from "../calendar";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { DocumentNumberSchema } from "./plans";

/** Hiệu quả, đủ điều kiện nhân rộng / cần tiếp tục hoàn thiện / không hiệu quả. */
export const PILOT_RESULTS = ["replicable", "needs_improvement", "not_effective"] as const;
export const PilotResultSchema = z.enum(PILOT_RESULTS);
export type PilotResult = z.infer<typeof PilotResultSchema>;

/** Derived from the records: designated, evaluated at least once, replicated at least once. */
export const PILOT_STAGES = ["designated", "evaluated", "replicated"] as const;
export const PilotStageSchema = z.enum(PILOT_STAGES);
export type PilotStage = z.infer<typeof PilotStageSchema>;

const pastDate = (message: string) => IsoDateSchema.refine((d) => isNotFuture(d), { message });
const text = (max: number) => z.string().trim().max(max);

export const DesignatePilotBodySchema = z.object({
  /** The commune or ward, or the residential area, designated; for a model: the model's unit. */
  orgUnitId: IdSchema,
  /** The self-management model designated, when the pilot is a model rather than a unit. */
  groupId: IdSchema.optional(),
  /** The model type the pilot is for (catalogue code), when it is one. */
  typeCode: text(64).min(1).optional(),
  topic: text(300).min(1, "Chưa nhập nội dung, mô hình xây dựng điểm"),
  decisionNumber: DocumentNumberSchema,
  decisionIssuer: text(200).min(1, "Chưa nhập cơ quan ban hành"),
  decisionOn: pastDate("Ngày quyết định không được ở tương lai"),
  note: text(2000).optional(),
});
export type DesignatePilotBody = z.infer<typeof DesignatePilotBodySchema>;

export const EvaluatePilotBodySchema = z.object({
  evaluatedOn: pastDate("Ngày đánh giá không được ở tương lai"),
  result: PilotResultSchema,
  findings: text(4000).min(1, "Chưa nhập nhận xét, kết quả đánh giá"),
});
export type EvaluatePilotBody = z.infer<typeof EvaluatePilotBodySchema>;

export const RecordReplicationBodySchema = z.object({
  /** The unit that took the pilot up. */
  orgUnitId: IdSchema,
  replicatedOn: pastDate("Ngày nhân rộng không được ở tương lai"),
  /** The model built there, when one was registered. */
  groupId: IdSchema.optional(),
  note: text(2000).optional(),
});
export type RecordReplicationBody = z.infer<typeof RecordReplicationBodySchema>;

export const PilotSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  groupId: IdSchema.nullable(),
  groupName: z.string().nullable(),
  typeCode: z.string().nullable(),
  typeName: z.string().nullable(),
  topic: z.string(),
  decisionNumber: z.string(),
  decisionIssuer: z.string(),
  decisionOn: z.string(),
  note: z.string().nullable(),
  stage: PilotStageSchema,
  latestResult: PilotResultSchema.nullable(),
  replications: z.number().int(),
});
export type Pilot = z.infer<typeof PilotSchema>;

export const PilotEvaluationSchema = z.object({
  id: IdSchema,
  evaluatedOn: z.string(),
  result: PilotResultSchema,
  findings: z.string(),
});
export const PilotReplicationSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  replicatedOn: z.string(),
  groupId: IdSchema.nullable(),
  groupName: z.string().nullable(),
  note: z.string().nullable(),
});
export type PilotEvaluation = z.infer<typeof PilotEvaluationSchema>;
export type PilotReplication = z.infer<typeof PilotReplicationSchema>;

export const PilotAbilitiesSchema = z.object({ manage: z.boolean() });
export const PilotDetailSchema = PilotSchema.extend({
  evaluations: z.array(PilotEvaluationSchema),
  replicationList: z.array(PilotReplicationSchema),
  can: PilotAbilitiesSchema,
});
export type PilotDetail = z.infer<typeof PilotDetailSchema>;

export const ListPilotsQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
  stage: PilotStageSchema.optional(),
});
export type ListPilotsQuery = z.infer<typeof ListPilotsQuerySchema>;
export const PilotPageSchema = pageWithAbilitiesOf(PilotSchema);
export type PilotPage = z.infer<typeof PilotPageSchema>;

export const PilotTotalsQuerySchema = z.object({
  orgUnitId: IdSchema.optional(),
  on: IsoDateSchema.optional(),
});
export type PilotTotalsQuery = z.infer<typeof PilotTotalsQuerySchema>;

/** On a date, in a unit's subtree: pilots designated, evaluated, replicated, and the replications. */
export const PilotTotalsSchema = z.object({
  on: z.string(),
  designated: z.number().int(),
  evaluated: z.number().int(),
  replicable: z.number().int(),
  replicated: z.number().int(),
  replications: z.number().int(),
});
export type PilotTotals = z.infer<typeof PilotTotalsSchema>;
