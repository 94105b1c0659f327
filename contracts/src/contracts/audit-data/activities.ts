// Audit data schemas (see ../audit-data.ts): activities, trainings, festivals and media partnerships.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import {
  ACTIVITY_EDITABLE_FIELDS,
  ActivitySchema,
  CreateActivityFieldsSchema,
  FestivalLevelSchema,
  TrainingFormSchema,
  TrainingLevelSchema,
} from "../activities";
import type { AuditAction } from "../audit";
import { MediaItemKindSchema, MediaPartnerKindSchema } from "../media";
import { count, text } from "./shared";

/** The editable fields of an activity, with the value before or after an edit (changed ones only). */
const ActivityChangesSchema = z.partialRecord(
  z.enum([...ACTIVITY_EDITABLE_FIELDS, "organizerBodyIds"]),
  z.unknown(),
);

export const AUDIT_DATA_ACTIVITIES = {
  /** The activity as created (empty title and notes stored as null). */
  "activity.created": CreateActivityFieldsSchema.extend({
    title: text.nullable(),
    notes: text.nullable(),
    tags: z.array(text),
  }),
  "activity.updated": z.object({
    before: ActivityChangesSchema,
    after: ActivityChangesSchema,
  }),
  "activity.deleted": z.object({
    // Rows written before activities had channels have none.
    before: ActivitySchema.extend({
      channels: ActivitySchema.shape.channels.optional(),
      // Rows written before broadcasts recorded their airings have none.
      broadcastStations: ActivitySchema.shape.broadcastStations.optional(),
      broadcastAirings: ActivitySchema.shape.broadcastAirings.optional(),
      broadcastMinutes: ActivitySchema.shape.broadcastMinutes.optional(),
      organizerBodyIds: z.array(IdSchema),
    }),
  }),
  /** The trainees' names stay in the roster; the log keeps the level, the form and the count. */
  "activity.training_recorded": z.object({
    level: TrainingLevelSchema,
    form: TrainingFormSchema,
    trainees: count,
  }),

  "festival.created": z.object({
    year: count,
    level: FestivalLevelSchema,
    showcase: z.boolean(),
    planDate: IsoDateSchema.nullable(),
    venues: z.array(text),
    organizerBodyIds: z.array(IdSchema),
  }),
  /** The changed fields only, before and after. */
  "festival.updated": z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  "festival.held_recorded": z.object({
    heldOn: IsoDateSchema,
    attendees: count,
    gifts: count,
    giftValue: count,
    awards: count,
    activityId: IdSchema.nullable(),
  }),

  /** A media partnership as created (the notes stay in the record). */
  "media.partnership_created": z.object({
    ownerBodyId: IdSchema,
    partnerName: text,
    partnerKind: MediaPartnerKindSchema,
    agreementNumber: text.nullable(),
    periodFrom: IsoDateSchema,
    periodTo: IsoDateSchema,
  }),
  /** The changed fields only, before and after. */
  "media.partnership_updated": z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  "media.item_added": z.object({
    itemId: IdSchema,
    publishedOn: IsoDateSchema,
    kind: MediaItemKindSchema,
    topic: text,
  }),
  "media.item_removed": z.object({
    itemId: IdSchema,
    publishedOn: IsoDateSchema,
    title: text,
  }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
