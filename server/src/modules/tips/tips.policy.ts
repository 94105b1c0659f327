import { isFinal, permissionsOf, TIP_TRANSITIONS, type TipAbilities } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../kernel/authz";

/**
 * The police compartment: tip content is visible only to police roles (role held for the police
 * body with `tip.handle`) over their unit's subtree. Everyone else, administrators included, has
 * no scope here and gets 404 for a tip and counts only (see tips.counts.ts).
 */
export function policePrefixes(actor: Actor): string[] {
  const prefixes = actor.roles
    .filter((r) => r.body === "police" && permissionsOf([r.role]).has("tip.handle"))
    .map((r) => r.orgUnitPath);
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}

export function isPolice(actor: Actor): boolean {
  return policePrefixes(actor).length > 0;
}

/** SQL predicate on a tip's unit path column. */
export function tipInScope(actor: Actor, pathColumn: SQL): SQL {
  const prefixes = policePrefixes(actor);
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** Does the actor's police compartment cover this unit path? */
export function isPoliceOver(actor: Actor, unitPath: string): boolean {
  return policePrefixes(actor).some((p) => unitPath.startsWith(p));
}

/** What the actor may do with a tip now: the same rules the police commands enforce. */
export function tipAbilities(
  actor: Actor,
  tip: { unitPath: string; status: string; decidedAt: Date | null; extensionLevel: number },
): TipAbilities {
  const police = isPoliceOver(actor, tip.unitPath);
  const handling = police && !isFinal(TIP_TRANSITIONS, tip.status);
  return {
    readContent: police,
    triage: handling,
    reply: police,
    recordOutcome: handling,
    extend: police && tip.decidedAt === null && tip.extensionLevel < 2,
  };
}
