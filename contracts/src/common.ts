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

/**
 * What the caller may do from a list: create a record at the unit the list is filtered to (or,
 * unfiltered, somewhere in the caller's scope). Computed by the server's policy; the UI only shows
 * what the server would accept.
 */
export const ListAbilitiesSchema = z.object({ create: z.boolean() });
export type ListAbilities = z.infer<typeof ListAbilitiesSchema>;

/** A page of a list together with what the caller may do from it. */
export function pageWithAbilitiesOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ can: ListAbilitiesSchema });
}
