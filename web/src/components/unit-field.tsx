import type { OrgUnit } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { UnitPicker } from "./unit-picker";
import { useCurrentUser } from "../lib/use-session";
import { RECORD_UNIT_KINDS, roleUnits } from "../lib/scope";

/** "Đơn vị": the user's own units first, any unit in scope by search; a filter covers the subtree. */
export function UnitField({
  label,
  value,
  onChange,
  required = false,
  error,
  description,
  kinds = RECORD_UNIT_KINDS,
  allowFormer,
  onUnit,
}: {
  label?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  error?: string;
  description?: string;
  kinds?: readonly string[];
  /** Figures pages: also offer the units before the 2025 reform ("Đơn vị trước sắp xếp"). */
  allowFormer?: boolean;
  onUnit?: (unit: OrgUnit | null) => void;
}) {
  const { t } = useTranslation("console");
  const user = useCurrentUser();
  return (
    <UnitPicker
      label={label ?? t("common.unitFilter")}
      description={description}
      error={error}
      kinds={kinds}
      known={roleUnits(user)}
      value={value}
      onChange={onChange}
      required={required}
      allowFormer={allowFormer}
      onUnit={onUnit}
    />
  );
}
