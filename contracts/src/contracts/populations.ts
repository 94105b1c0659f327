import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";

// ---- A commune's population: the base of rates per 10,000 people ----

/** The largest commune is some 200,000 people; ten times that is surely a typing error. */
export const POPULATION_MAX = 2_000_000;

export const RecordPopulationBodySchema = z.object({
  population: z
    .number()
    .int("Số dân là số nguyên")
    .min(1, "Số dân phải lớn hơn 0")
    .max(POPULATION_MAX, "Số dân quá lớn cho một xã"),
  /** The day the figure counts people on (not the day it is typed in). */
  asOf: IsoDateSchema,
  /** Where the figure comes from: "Niên giám thống kê 2024", "Số liệu của xã", … */
  source: z.string().trim().min(1, "Ghi rõ nguồn số liệu").max(200, "Nguồn tối đa 200 ký tự"),
});
export type RecordPopulationBody = z.infer<typeof RecordPopulationBodySchema>;

export const UnitPopulationSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  population: z.number().int(),
  asOf: IsoDateSchema,
  source: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type UnitPopulation = z.infer<typeof UnitPopulationSchema>;

/** A commune's recorded populations, the current one first (latest `asOf`, then latest recorded). */
export const UnitPopulationsSchema = z.object({
  items: z.array(UnitPopulationSchema),
  /** Whether the caller may record a new figure for this commune. */
  canRecord: z.boolean(),
});
export type UnitPopulations = z.infer<typeof UnitPopulationsSchema>;
