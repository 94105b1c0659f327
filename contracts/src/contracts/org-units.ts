import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import { LIMITS } from "../limits";
import type { CsvColumn } from "../csv-columns";
import { BodyKindSchema } from "../permissions";

export const ORG_UNIT_KINDS = [
  "country",
  "province",
  "district",
  "commune",
  "residential_area",
  "agency",
  "enterprise",
  "school",
] as const;
export const OrgUnitKindSchema = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKindSchema>;

/** Kinds a user may create under a commune; the official tree is imported, never typed. */
export const CREATABLE_KINDS = ["residential_area", "agency", "enterprise", "school"] as const;
export const CreatableKindSchema = z.enum(CREATABLE_KINDS);

export const OrgUnitSchema = z.object({
  id: IdSchema,
  code: z.string().nullable(),
  kind: OrgUnitKindSchema,
  /** Official subtype: tinh, thanh_pho_truc_thuoc_trung_uong, xa, phuong, dac_khu, huyen, thon… */
  type: z.string().nullable(),
  name: z.string(),
  fullName: z.string(),
  parentId: IdSchema.nullable(),
  provinceId: IdSchema.nullable(),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  childCount: z.number().int(),
  /** Ancestors below the country, top first; given in search results (`q`), else null. */
  ancestorNames: z.array(z.string()).nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const ListOrgUnitsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
  parentId: IdSchema.optional(),
  /** Whole subtree below this unit (excluding it). */
  within: IdSchema.optional(),
  kind: OrgUnitKindSchema.optional(),
  code: z.string().trim().min(1).max(LIMITS.unitCodeMax).optional(),
  /** The tree as it stood on this date (default: today). */
  at: IsoDateSchema.optional(),
  /** Include units no longer (or not yet) valid at `at`. */
  includeHistoric: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Also count all matching units (one more query). */
  withTotal: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export type ListOrgUnitsQuery = z.infer<typeof ListOrgUnitsQuerySchema>;
export const OrgUnitPageSchema = pageOf(OrgUnitSchema).extend({ total: z.number().int().nullable() });

export const BodySchema = z.object({ id: IdSchema, kind: BodyKindSchema, name: z.string() });
export type Body = z.infer<typeof BodySchema>;

export const LineageLinkSchema = z.object({
  unit: OrgUnitSchema,
  mergeType: z.enum(["full", "partial"]),
});

export const OrgUnitDetailSchema = OrgUnitSchema.extend({
  ancestors: z.array(OrgUnitSchema),
  bodies: z.array(BodySchema),
  /** Current units that hold this (historic) unit. */
  successors: z.array(LineageLinkSchema),
  /** Historic units this unit was formed from. */
  predecessors: z.array(LineageLinkSchema),
  changes: z.array(
    z.object({
      effectiveDate: IsoDateSchema,
      field: z.string(),
      oldValue: z.string(),
      newValue: z.string(),
      legalBasis: z.string().nullable(),
    }),
  ),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetailSchema>;

export const GetOrgUnitQuerySchema = z.object({ at: IsoDateSchema.optional() });

/** The bodies of one unit, with the unit's name: one level of the co-organiser picker. */
export const UnitBodiesSchema = z.object({
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  orgUnitKind: OrgUnitKindSchema,
  bodies: z.array(BodySchema),
});
export type UnitBodies = z.infer<typeof UnitBodiesSchema>;

/**
 * The bodies that may organise a record at a unit: those of the unit and of its ancestors (for a
 * pre-reform unit, also those above the current unit it rolls up into), the unit first, then
 * upwards; units without bodies are left out.
 */
export const OrganizerBodiesSchema = z.object({
  orgUnitId: IdSchema,
  levels: z.array(UnitBodiesSchema),
});
export type OrganizerBodies = z.infer<typeof OrganizerBodiesSchema>;

export const CreateOrgUnitBodySchema = z.object({
  parentId: IdSchema,
  kind: CreatableKindSchema,
  name: z
    .string()
    .trim()
    .min(1, "Tên đơn vị không được để trống")
    .max(LIMITS.unitNameMax, `Tên đơn vị tối đa ${LIMITS.unitNameMax} ký tự`),
  code: z.string().trim().min(1).max(LIMITS.unitCodeMax, `Mã tối đa ${LIMITS.unitCodeMax} ký tự`).optional(),
  type: z.string().trim().min(1).max(50).optional(),
});
export type CreateOrgUnitBody = z.infer<typeof CreateOrgUnitBodySchema>;

/**
 * CSV columns of a local-unit import, Vietnamese header first (English accepted):
 * kind, name, code, type, commune_code (commune_code optional when parentId is given).
 */
export const ORG_UNIT_CSV_COLUMNS = [
  { key: "kind", names: ["Loại đơn vị", "Loại", "kind"], required: true },
  { key: "name", names: ["Tên đơn vị", "Tên", "name"], required: true },
  { key: "code", names: ["Mã", "Mã đơn vị", "code"] },
  { key: "type", names: ["Phân loại", "Phân loại khu dân cư", "type"] },
  { key: "commune_code", names: ["Mã xã", "Mã xã, phường", "commune_code"] },
] as const satisfies readonly CsvColumn[];

/** A kind as written in a file: the code or its Vietnamese name, folded ("Khu dân cư" → residential_area). */
export const ORG_UNIT_KIND_NAMES: Record<string, (typeof CREATABLE_KINDS)[number]> = {
  "khu dan cu": "residential_area",
  "co quan": "agency",
  "doanh nghiep": "enterprise",
  "truong hoc": "school",
  truong: "school",
  "co so giao duc": "school",
};
export const ImportOrgUnitsBodySchema = z.object({
  parentId: IdSchema.optional(),
  csv: z.string().min(1).max(LIMITS.csvMaxBytes),
});
export type ImportOrgUnitsBody = z.infer<typeof ImportOrgUnitsBodySchema>;
export const ImportOrgUnitsResultSchema = z.object({ created: z.number().int() });
