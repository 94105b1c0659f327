import {
  clockNow,
  dateInVietnam,
  isFinal,
  isStatusOf,
  permissionsOf,
  TIP_AGENCY_OUTCOMES,
  TIP_OUTCOMES,
  TIP_TRANSITIONS,
  type OrgUnitKind,
  type TipAbilities,
  type TipOutcome,
} from "@toandan/contracts";
import { subDays } from "date-fns";
import { decisionDue } from "../citizen";
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

/**
 * Unit levels whose police act as the investigation agency. Since 01/03/2025 district police no
 * longer exist and the provincial police's investigation agency handles crime reports (domain-rules
 * §3b.8, §8.4); "district" stays for historical units. [?] Law 99/2025/QH15 may let commune police
 * chiefs with investigator rank investigate some crimes (§3b.9, draft only): not modelled.
 */
export const INVESTIGATION_AGENCY_UNIT_KINDS: readonly OrgUnitKind[] = ["country", "province", "district"];

/** Does the actor hold a police role at investigation-agency level over this unit path? */
export function isInvestigationAgencyOver(actor: Actor, unitPath: string): boolean {
  return actor.roles.some(
    (r) =>
      r.body === "police" &&
      INVESTIGATION_AGENCY_UNIT_KINDS.includes(r.orgUnitKind) &&
      permissionsOf([r.role]).has("tip.handle") &&
      unitPath.startsWith(r.orgUnitPath),
  );
}

/** What a police rule needs of a tip. */
export type TipForRules = {
  unitPath: string;
  status: string;
  receivedHour: Date;
  decidedAt: Date | null;
  extensionLevel: number;
  firstSuspendedAt: Date | null;
  suspendedAt: Date | null;
  resumedAt: Date | null;
};

/**
 * Extensions (CPC 2015 Art. 147.2–3; JC 01/2017 Art. 11): level 1 to 2 months by the head of the
 * investigation agency, level 2 by the procuracy for 2 more, the request sent at least 5 days
 * before the limit runs out. Neither after the limit. [?] The 5 days are applied to the procuracy
 * extension only, as JC 01/2017 Art. 11 states them; the Code's clause number is not verified.
 */
export const EXTENSION_REQUEST_DAYS_BEFORE: Record<1 | 2, number> = { 1: 0, 2: 5 };

export type ExtensionRefusal = { kind: "expired" | "too_late"; due: Date; days: number };

/** Why an extension to `level` is refused now, or null when it may be requested. */
export function extensionRefusal(tip: TipForRules, level: 1 | 2, now: Date): ExtensionRefusal | null {
  const due = decisionDue(tip.receivedHour, tip.extensionLevel);
  const days = EXTENSION_REQUEST_DAYS_BEFORE[level];
  if (now.getTime() > due.getTime()) return { kind: "expired", due, days };
  if (days > 0 && now.getTime() > subDays(due, days).getTime()) return { kind: "too_late", due, days };
  return null;
}

/**
 * A suspension comes when the Art. 147 limit runs out ("Hết thời hạn giải quyết", CPC Art. 148.1;
 * domain-rules §3a.6): allowed from the limit's last day (Vietnam date) on.
 */
export function suspensionOpen(tip: TipForRules, now: Date): boolean {
  const due = decisionDue(tip.receivedHour, tip.extensionLevel);
  return dateInVietnam(now) >= dateInVietnam(due);
}

/** The outcomes the actor may record now: the transition table × the actor's unit level. */
export function allowedOutcomes(actor: Actor, tip: TipForRules, now: Date = clockNow()): TipOutcome[] {
  if (!isPoliceOver(actor, tip.unitPath) || !isStatusOf(TIP_TRANSITIONS, tip.status)) return [];
  const next: readonly string[] = TIP_TRANSITIONS[tip.status];
  const agency = isInvestigationAgencyOver(actor, tip.unitPath);
  return TIP_OUTCOMES.filter(
    (o) =>
      next.includes(o) &&
      (agency || !(TIP_AGENCY_OUTCOMES as readonly string[]).includes(o)) &&
      (o !== "suspended" || suspensionOpen(tip, now)),
  );
}

/** What the actor may do with a tip now: the same rules the police commands enforce. */
export function tipAbilities(actor: Actor, tip: TipForRules, now: Date = clockNow()): TipAbilities {
  const police = isPoliceOver(actor, tip.unitPath);
  const agency = isInvestigationAgencyOver(actor, tip.unitPath);
  const handling = police && !isFinal(TIP_TRANSITIONS, tip.status);
  const outcomes = allowedOutcomes(actor, tip, now);
  // Extensions only while the Art. 147 clock runs: no decision, no suspension yet.
  const nextLevel = tip.extensionLevel < 2 ? ((tip.extensionLevel + 1) as 1 | 2) : null;
  const extendable =
    agency &&
    handling &&
    tip.status !== "suspended" &&
    tip.decidedAt === null &&
    tip.firstSuspendedAt === null &&
    nextLevel !== null &&
    extensionRefusal(tip, nextLevel, now) === null;
  return {
    readContent: police,
    // Commune police check a tip until they transfer it; the agency while it is being handled.
    triage: handling && (agency || tip.status === "new" || tip.status === "triaged"),
    reply: police,
    recordOutcome: outcomes.length > 0,
    outcomes,
    extend: extendable,
    nextExtension: extendable ? nextLevel : null,
    resume: agency && tip.status === "suspended",
    recordNotice: agency && (tip.decidedAt !== null || tip.suspendedAt !== null || tip.resumedAt !== null),
    investigationAgency: agency,
  };
}
