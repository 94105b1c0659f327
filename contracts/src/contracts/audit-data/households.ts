// Audit data schemas (see ../audit-data.ts): households, safe families and their commitments.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import type { AuditAction } from "../audit";
import { MemberOrgKindSchema } from "../households";
import { count, text, UploadTypeSchema } from "./shared";

export const AUDIT_DATA_HOUSEHOLDS = {
  /** No head's name, no address. */
  "household.created": z.object({
    members: count,
    memberOrgs: z.array(MemberOrgKindSchema),
    code: text.nullable(),
  }),
  /** Which fields changed, with the new values of those that are not personal. */
  "household.updated": z.object({
    fields: z.array(text),
    members: count.optional(),
    memberOrgs: z.array(MemberOrgKindSchema).optional(),
    code: text.nullable().optional(),
    movedOutOn: IsoDateSchema.nullable().optional(),
  }),
  "household.imported": z.object({ created: count }),
  /** A safe family recognised for a year (one event per household, also in an area's review). */
  "household.safe_family_recorded": z.object({
    householdId: IdSchema,
    year: count,
    decidedLevel: z.enum(["residential_area", "commune"]),
    decidedOn: IsoDateSchema,
    decisionNumber: text.nullable(),
  }),
  "household.safe_family_withdrawn": z.object({
    householdId: IdSchema,
    year: count,
    withdrawnOn: IsoDateSchema,
    reason: text,
  }),

  "commitment.recorded": z.object({
    householdId: IdSchema,
    year: count,
    signedOn: IsoDateSchema,
    formVersion: text,
  }),
  "commitment.scan_attached": z.object({
    year: count,
    type: UploadTypeSchema,
    bytes: count,
  }),

  /** entityType commitment_template. */
  "commitment_template.created": z.object({ name: text }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
