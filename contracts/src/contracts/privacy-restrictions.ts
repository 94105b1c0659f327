// Restriction of processing at a data subject's request (Law 91/2025; decision 0017): the records a
// request restricted, which only the data-protection officer lists (each read logged with its
// reason), and the lifting of one restriction, audited with its reason.
import { z } from "zod";
import { IdSchema } from "../common";
import { SubjectRequestKindSchema } from "./privacy";

/** The kinds of record a restriction applies to, by owning module. */
export const RESTRICTION_SOURCES = ["household", "group_member", "tip", "feedback"] as const;
export const RestrictionSourceSchema = z.enum(RESTRICTION_SOURCES);
export type RestrictionSource = z.infer<typeof RestrictionSourceSchema>;

const reason = z.string().trim().min(5, "Ghi rõ lý do (ít nhất 5 ký tự)").max(500, "Lý do tối đa 500 ký tự");

/** Listing restricted records is a read of data withheld from everyone else: the reason is logged. */
export const ListRestrictionsQuerySchema = z.object({ reason });
export type ListRestrictionsQuery = z.infer<typeof ListRestrictionsQuerySchema>;

export const RestrictedRecordSchema = z.object({
  source: RestrictionSourceSchema,
  recordId: IdSchema,
  orgUnitName: z.string().nullable(),
  /** What the record is (as the request's answer named it). */
  labelVi: z.string(),
  /** What the register holds in clear about it (a household's head and address); null where sealed. */
  detailVi: z.string().nullable(),
  requestId: IdSchema,
  requestKind: SubjectRequestKindSchema,
  restrictedAt: z.string(),
  can: z.object({ lift: z.boolean() }),
});
export type RestrictedRecord = z.infer<typeof RestrictedRecordSchema>;

export const RestrictedRecordListSchema = z.object({ items: z.array(RestrictedRecordSchema) });
export type RestrictedRecordList = z.infer<typeof RestrictedRecordListSchema>;

export const LiftRestrictionBodySchema = z.object({
  source: RestrictionSourceSchema,
  recordId: IdSchema,
  reason,
});
export type LiftRestrictionBody = z.infer<typeof LiftRestrictionBodySchema>;

export const LiftRestrictionResultSchema = z.object({
  source: RestrictionSourceSchema,
  recordId: IdSchema,
  liftedAt: z.string(),
});
export type LiftRestrictionResult = z.infer<typeof LiftRestrictionResultSchema>;
