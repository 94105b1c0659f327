// Case statistics: counts of a unit's subtree by period (HCD-12 monthly, HCD-13 quarterly, 6-month,
// yearly), and the help figures of people with social evils, drug users and community education.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import { CaseHelpFiguresSchema } from "./case-help";

export const CASE_PERIODS = ["month", "quarter", "half_year", "year"] as const;
export const CaseStatsQuerySchema = z.object({
  orgUnitId: IdSchema,
  period: z.enum(CASE_PERIODS),
  /** 2026-03, 2026-Q1, 2026-H1 or 2026 by period. */
  key: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, "Kỳ không hợp lệ"),
});
export type CaseStatsQuery = z.infer<typeof CaseStatsQuerySchema>;

/** A count, or null when it is below the small-cell threshold for a viewer outside the police. */
const Cell = z.number().int().nullable();
export const CaseStatsSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  suppressed: z.boolean(),
  threshold: z.number().int(),
  figures: z.object({
    underManagement: Cell,
    newInPeriod: Cell,
    closedInPeriod: Cell,
    assignedLate: Cell,
    groupA: Cell,
    groupB: Cell,
    groupC: Cell,
    groupD: Cell,
    supports: Cell,
    /** Files received from another commune / sent to one in the period (Circular 10/2024 Art. 15). */
    transferredIn: Cell,
    transferredOut: Cell,
    /** Ended in the period, by legal ground (Circular 10/2024 Art. 14; Decree 120/2021 [?]). */
    expunged: Cell,
    moved: Cell,
    settledAbroad: Cell,
    missing: Cell,
    died: Cell,
    reimprisoned: Cell,
    completed: Cell,
    endedEarly: Cell,
    reformed: Cell,
    managementEnded: Cell,
    ...CaseHelpFiguresSchema.shape,
  }),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;
