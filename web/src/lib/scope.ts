import { currentYearInVietnam } from "@toandan/contracts";
import type { CurrentUser, OrgUnitKind } from "@toandan/contracts";

/** Unit kinds a movement record or filter can be at. */
export const RECORD_UNIT_KINDS: readonly OrgUnitKind[] = [
  "country",
  "province",
  "commune",
  "residential_area",
  "agency",
  "enterprise",
  "school",
];

/** The user's own units (one per role), offered first in every unit field. */
export function roleUnits(user: CurrentUser): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of user.roles) if (!seen.has(r.orgUnitId)) seen.set(r.orgUnitId, r.orgUnitName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

export function defaultUnitId(user: CurrentUser): string | null {
  return user.roles[0]?.orgUnitId ?? null;
}

export function currentYear(): number {
  return currentYearInVietnam();
}
