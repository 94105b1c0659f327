import type { OrgUnit, OrgUnitKind } from "@toandan/contracts";
import type { ChangeDbRow, OrgUnitDbRow } from "./org-units.queries";

/**
 * Presents a unit as it stood on `at`: attribute changes that take effect after `at`
 * are reverted (the row holds the latest values).
 */
export function presentOrgUnit(row: OrgUnitDbRow, changes: ChangeDbRow[], at: string): OrgUnit {
  let type = row.type;
  let fullName = row.fullName;
  const later = changes
    .filter((c) => c.orgUnitId === row.id && c.effectiveDate > at)
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1));
  for (const c of later) {
    if (c.field === "type") type = c.oldValue;
    if (c.field === "full_name") fullName = c.oldValue;
  }
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as OrgUnitKind,
    type,
    name: row.name,
    fullName,
    parentId: row.parentId,
    provinceId: row.provinceId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    childCount: Number(row.childCount),
    ancestorNames: row.ancestorNames ?? null,
  };
}
