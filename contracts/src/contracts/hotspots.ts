// Request and response schemas of the hotspots module: areas designated as key or complicated in
// security and order (địa bàn trọng điểm, phức tạp về ANTT), their transformation plan and evidence.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";

export const HOTSPOT_STATUSES = ["designated", "transforming", "transformed", "removed"] as const;
export const HotspotStatusSchema = z.enum(HOTSPOT_STATUSES);
export type HotspotStatus = z.infer<typeof HotspotStatusSchema>;

/** The lifecycle as an explicit table: anything not listed is a 409. */
export const HOTSPOT_TRANSITIONS = {
  designated: ["transforming", "removed"],
  transforming: ["transformed", "removed"],
  transformed: [],
  removed: [],
} as const satisfies Record<HotspotStatus, readonly HotspotStatus[]>;

export const HOTSPOT_REASONS = [
  "drugs",
  "gambling",
  "theft",
  "gangs",
  "violence",
  "prostitution",
  "complaints",
  "religion_ethnicity",
  "other",
] as const;
export const HotspotReasonSchema = z.enum(HOTSPOT_REASONS);

const text = (max: number) => z.string().trim().max(max);

export const HotspotTaskInputSchema = z.object({
  title: text(500).min(1, "Chưa nhập nhiệm vụ"),
  responsibleBodyId: IdSchema,
  dueOn: IsoDateSchema.optional(),
});

export const DesignateHotspotBodySchema = z.object({
  orgUnitId: IdSchema,
  name: text(200).min(1, "Chưa nhập tên địa bàn"),
  designatedOn: IsoDateSchema,
  decisionNumber: text(64).optional(),
  reasons: z.array(HotspotReasonSchema).min(1, "Chọn ít nhất một lý do").max(HOTSPOT_REASONS.length),
  description: text(2000).optional(),
  tasks: z.array(HotspotTaskInputSchema).max(50).default([]),
});
export type DesignateHotspotBody = z.infer<typeof DesignateHotspotBodySchema>;

export const UpdateHotspotStatusBodySchema = z.object({
  status: HotspotStatusSchema,
  date: IsoDateSchema,
  reason: text(1000).min(1, "Chưa nhập căn cứ chuyển trạng thái"),
});
export type UpdateHotspotStatusBody = z.infer<typeof UpdateHotspotStatusBodySchema>;

export const RecordHotspotEvidenceBodySchema = z.object({
  observedOn: IsoDateSchema,
  summary: text(2000).min(1, "Chưa nhập nội dung"),
  incidents: z.number().int().min(0).max(100_000).optional(),
});
export type RecordHotspotEvidenceBody = z.infer<typeof RecordHotspotEvidenceBodySchema>;

export const HotspotSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  name: z.string(),
  designatedOn: IsoDateSchema,
  decisionNumber: z.string().nullable(),
  reasons: z.array(HotspotReasonSchema),
  description: z.string().nullable(),
  status: HotspotStatusSchema,
  statusChangedOn: IsoDateSchema,
});
export type Hotspot = z.infer<typeof HotspotSchema>;
/** A page of areas, with whether the caller may designate one (hotspot.manage somewhere). */
export const HotspotPageSchema = pageWithAbilitiesOf(HotspotSchema);

/** What the caller may do with the area now (the rules the commands enforce). */
export const HotspotAbilitiesSchema = z.object({
  /** Move along the transition table: a move left, hotspot.manage over the area. */
  changeStatus: z.boolean(),
  /** Record an observation: not removed, hotspot.manage over the area. */
  recordEvidence: z.boolean(),
});
export type HotspotAbilities = z.infer<typeof HotspotAbilitiesSchema>;

export const HotspotDetailSchema = HotspotSchema.extend({
  can: HotspotAbilitiesSchema,
  tasks: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      responsibleBodyId: IdSchema,
      responsibleBodyName: z.string(),
      dueOn: IsoDateSchema.nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: IdSchema,
      observedOn: IsoDateSchema,
      summary: z.string(),
      incidents: z.number().int().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      from: HotspotStatusSchema.nullable(),
      to: HotspotStatusSchema,
      date: IsoDateSchema,
      reason: z.string(),
    }),
  ),
});
export type HotspotDetail = z.infer<typeof HotspotDetailSchema>;

export const ListHotspotsQuerySchema = PageQuerySchema.extend({ status: HotspotStatusSchema.optional() });
