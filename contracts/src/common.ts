import { z } from "zod";
import { LIMITS } from "./limits";

export const IdSchema = z.uuid();
export const IsoDateSchema = z.iso.date();

export const PageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OkSchema = z.object({ ok: z.literal(true) });
