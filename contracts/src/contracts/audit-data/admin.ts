// Audit data schemas (see ../audit-data.ts): sign-in, accounts, units, system jobs, the holidays table and news.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../../common";
import { RoleGrantSchema } from "../accounts";
import type { AuditAction } from "../audit";
import { CalendarConfidenceSchema, CalendarDayKindSchema } from "../calendar";
import { NewsKindSchema } from "../news";
import { CreatableKindSchema } from "../org-units";
import { NoData, count, text } from "./shared";

/** Demo seeding writes one event per part it seeds; the entity type tells them apart. */
const DemoSeededSchema = z.union([
  /** entityType org_unit: the demo residential area. */
  z.object({ name: text, parentCode: text }),
  /** entityType activity: the seeded history of activities. */
  z.object({ activities: count, sources: z.array(text) }),
  /** entityType household. */
  z.object({ households: count, commitments: count }),
  /** entityType household: the demo area's safe-family reviews. */
  z.object({ safeFamilies: count }),
  /** entityType certification_cycle. */
  z.object({ cycles: count, year: count }),
  /** entityType case: cases with a hotspot and commendations around them. */
  z.object({ cases: count, hotspots: count, commendations: count }),
  /** entityType case: the history of help instances and sessions before the community. */
  z.object({ cases: count, helpInstances: count, communitySessions: count }),
  /** entityType plan: the directives, programmes and plans of the seed articles. */
  z.object({ sources: count, plans: z.array(text) }),
  /** entityType tip: past tips with their outcomes. */
  z.object({ tips: count, source: text }),
  /** entityType supervision: the ward Front's supervisions and its training with its roster (count only). */
  z.object({ supervisions: count, trainings: count, trainees: count }),
]);

export const AUDIT_DATA_ADMIN = {
  "auth.login": NoData,
  "auth.logout": NoData,
  "auth.login_failed": z.object({ failures: count }),
  "auth.locked": z.object({ minutes: count }),
  "auth.password_changed": NoData,

  "org_unit.created": z.object({
    parentId: IdSchema,
    kind: CreatableKindSchema,
    name: text,
    code: text.nullable(),
  }),
  /** The parent communes' codes (null for a commune without one). */
  "org_unit.imported": z.object({
    created: count,
    communes: z.array(text.nullable()),
  }),

  /** A commune's population recorded (a new row; earlier ones are kept). */
  "org_unit.population_recorded": z.object({
    population: count,
    asOf: IsoDateSchema,
    source: text,
  }),

  "account.created": z.object({
    username: text,
    roles: z.array(RoleGrantSchema),
    isDemo: z.boolean(),
  }),
  /** The request without the password; passwordReset says whether one was set. */
  "account.updated": z.object({
    displayName: text.optional(),
    disabled: z.boolean().optional(),
    roles: z.array(RoleGrantSchema).optional(),
    unlock: z.literal(true).optional(),
    passwordReset: z.boolean(),
  }),

  "system.units_imported": z.object({
    units: count,
    lineage: count,
    changes: count,
  }),
  "system.demo_seeded": DemoSeededSchema,

  /** The holidays table: the day as it is after the change (before: null when new). */
  "calendar.holiday_upserted": z.object({
    date: IsoDateSchema,
    kind: CalendarDayKindSchema,
    name: text,
    confidence: CalendarConfidenceSchema,
    source: text.nullable(),
    before: z
      .object({ kind: CalendarDayKindSchema, name: text, confidence: CalendarConfidenceSchema })
      .nullable(),
  }),
  "calendar.holiday_deleted": z.object({
    date: IsoDateSchema,
    kind: CalendarDayKindSchema,
    name: text,
    reason: text,
  }),

  "news.created": z.object({
    slug: text,
    kind: NewsKindSchema,
    title: text,
    image: z.boolean(),
  }),
  "news.image_consent_withdrawn": z.object({ slug: text, title: text }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
