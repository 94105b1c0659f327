import { z } from "zod";
import { IdSchema } from "../common";
import { IndicatorCodeSchema, type IndicatorCode } from "./indicators";

// ---- Maps: an indicator's value for each child of a unit, keyed by the boundary codes ----

/** The line every map shows under it. */
export const BOUNDARY_ATTRIBUTION_LINE =
  "Ranh giới: sapnhap.bando.com.vn, qua thanglequoc/vietnamese-provinces-database (MIT)";

/**
 * A layer only the map draws: tips received per 10,000 people, by commune, where the commune's
 * population is recorded (police roles only, like every tip figure).
 */
export const TIPS_PER_10K = "tips.per_10k";
export const MapLayerCodeSchema = z.union([IndicatorCodeSchema, z.literal(TIPS_PER_10K)]);
export type MapLayerCode = z.infer<typeof MapLayerCodeSchema>;

/** The layers the issue asks for, first in the picker; the rest of the registry follows. */
export const MAP_FEATURED_INDICATORS = [
  "certification.commune_rate",
  "certification.residential_area_rate",
  "hotspots.open",
  "tips.received",
  TIPS_PER_10K,
  "groups.models",
  "groups.teams",
] as const satisfies readonly MapLayerCode[];

export const DEFAULT_MAP_INDICATOR: IndicatorCode = "groups.models";

export const MapValuesQuerySchema = z.object({
  orgUnitId: IdSchema,
  indicator: MapLayerCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type MapValuesQuery = z.infer<typeof MapValuesQuerySchema>;

export const MapAreaSchema = z.object({
  orgUnitId: z.string(),
  /** The official code: the `id` of the area's feature in the boundary file (null: no boundary). */
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  value: z.number().nullable(),
  /** A tip count of 1–4 outside the caller's police compartment, hidden ("<5"). */
  suppressed: z.boolean(),
  /** Per 10,000 people (value to one decimal): the population it is computed on; null: none recorded. */
  population: z.number().int().nullable().optional(),
});
export type MapArea = z.infer<typeof MapAreaSchema>;

export const MapBoundariesSchema = z.object({
  /** The TopoJSON file (its content hash in the URL: cached for a year). */
  url: z.string(),
  /** The object inside it: `topo.objects[object]`. */
  object: z.enum(["provinces", "communes"]),
  /** Draw only this feature (a commune's own outline); null: every feature is an area. */
  focus: z.string().nullable(),
});
export type MapBoundaries = z.infer<typeof MapBoundariesSchema>;

export const MapValuesSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  orgUnitKind: z.string(),
  year: z.number().int(),
  indicator: MapLayerCodeSchema,
  /** The indicators this caller may map, featured layers first (tips only for police roles). */
  indicators: z.array(MapLayerCodeSchema),
  /** Per 10,000 people: how many of the areas have no population recorded ("chưa có số dân"). */
  withoutPopulation: z.number().int().nullable(),
  /** What to draw; null when the unit has no official boundary (pre-reform or local units). */
  boundaries: MapBoundariesSchema.nullable(),
  /** Each child unit with its value, in name order. */
  areas: z.array(MapAreaSchema),
  attribution: z.string(),
});
export type MapValues = z.infer<typeof MapValuesSchema>;
