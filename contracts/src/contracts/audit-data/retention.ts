// Audit data schemas (see ../audit-data.ts): the retention module — counts only, never a record.
import { z } from "zod";
import type { AuditAction } from "../audit";
import { RetentionKindSchema } from "../retention";
import { count, text } from "./shared";

export const AUDIT_DATA_RETENTION = {
  /** One event per rule and real run: what was due before the cutoff and what was de-identified. */
  "retention.applied": z.object({
    kind: RetentionKindSchema,
    cutoff: text,
    due: count,
    done: count,
    scheduled: z.boolean(),
  }),
  "retention.rule_updated": z.object({
    kind: RetentionKindSchema,
    periodMonths: count,
    enabled: z.boolean(),
  }),
} as const satisfies Partial<Record<AuditAction, z.ZodType>>;
