import type { OrgUnit } from "@toandan/contracts";
import type { TFunction } from "i18next";
import { formatDate } from "../../lib/format";

type ConsoleT = TFunction<"console">;

export function kindLabel(t: ConsoleT, kind: OrgUnit["kind"]): string {
  return t(`kinds.${kind}`);
}

/** Official subtype in words (tinh → Tỉnh); an unknown code is shown as it is. */
export function typeLabel(t: ConsoleT, type: string | null): string | null {
  if (!type) return null;
  return t(`types.${type}` as "types.xa", { defaultValue: type });
}

export function validityText(t: ConsoleT, unit: Pick<OrgUnit, "validFrom" | "validTo">): string {
  const from = formatDate(unit.validFrom);
  const to = formatDate(unit.validTo);
  if (from && to) return t("unit.validRange", { from, to });
  if (from) return t("unit.validFrom", { from });
  if (to) return t("unit.validTo", { to });
  return t("unit.validAlways");
}
