// What a caller may do from the reports list: the rule createReport enforces (report.manage over
// the unit's rollup path), for the filter unit or anywhere in scope.
import type { ListAbilities } from "@toandan/contracts";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

export function reportListAbilities(actor: Actor, unit: { rollupPath: string } | undefined): ListAbilities {
  return {
    create: unit ? isInScope(actor, "report.manage", unit.rollupPath) : hasPermission(actor, "report.manage"),
  };
}
