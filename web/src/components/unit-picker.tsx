import { Checkbox, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { OrgUnit, OrgUnitKind } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import type { OrgUnitPage } from "../api/org-units";

type Props = {
  label: string;
  description?: string;
  error?: string;
  kinds: readonly string[];
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** Required in forms (the default); a filter may be left empty. */
  required?: boolean;
  placeholder?: string;
  /** Units always offered (the user's own units), so a preset value shows its name. */
  known?: readonly { value: string; label: string }[];
  /** Offer "Đơn vị trước sắp xếp": search the tree as it stood before the 2025 reform. */
  allowFormer?: boolean;
  /** The unit picked from the search (with its validity), null when cleared or a known unit. */
  onUnit?: (unit: OrgUnit | null) => void;
};

/** The last day of the pre-reform tree (63 provinces, districts): Resolution 202/2025/QH15. */
export const FORMER_TREE_DATE = "2025-06-30";
/** Kinds of the pre-reform tree a figure may be asked for (districts existed only there). */
const FORMER_KINDS = ["district"];

/** Picks a current unit through the search API (accent-insensitive), limited to the role's unit kinds. */
export function UnitPicker({
  label,
  description,
  error,
  kinds,
  value,
  onChange,
  onBlur,
  disabled,
  required = true,
  placeholder,
  known = [],
  allowFormer = false,
  onUnit,
}: Props) {
  const { t } = useTranslation("console");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<OrgUnit | null>(null);
  const [former, setFormer] = useState(false);
  const allowed = former ? [...kinds, ...FORMER_KINDS] : kinds;
  const onlyKind = allowed.length === 1 ? (allowed[0] as OrgUnitKind) : undefined;

  // Province names tell apart the many communes that share a name.
  const provinces = useQuery({
    queryKey: ["org-units", "provinces-index"],
    queryFn: ({ signal }) =>
      api<OrgUnitPage>("/org-units", { query: { kind: "province", limit: 100 }, signal }),
    staleTime: Infinity,
  });
  const provinceName = new Map((provinces.data?.items ?? []).map((p) => [p.id, p.fullName]));
  const optionLabel = (u: OrgUnit) => {
    // A former unit's province is a former one: its search result names its ancestors instead.
    const province =
      u.kind !== "province" && u.provinceId
        ? (provinceName.get(u.provinceId) ?? u.ancestorNames?.join(", "))
        : undefined;
    return [u.fullName, province, u.code].filter(Boolean).join(" — ");
  };

  // Once a unit is picked the box shows its label; that is not a new search.
  const typed = picked && search === optionLabel(picked) ? "" : search.trim().slice(0, 100);
  const [q] = useDebouncedValue(typed, 250);
  const results = useQuery({
    queryKey: ["unit-picker", q, onlyKind ?? null, former],
    queryFn: ({ signal }) =>
      api<OrgUnitPage>("/org-units", {
        query: { q, kind: onlyKind, limit: 30, at: former ? FORMER_TREE_DATE : undefined },
        signal,
      }),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const units = (results.data?.items ?? []).filter((u) => allowed.includes(u.kind));
  if (picked && !units.some((u) => u.id === picked.id)) units.unshift(picked);

  const select = (
    <Select
      label={label}
      description={description}
      error={error}
      placeholder={placeholder ?? t("accounts.create.unitPlaceholder")}
      searchable
      clearable
      required={required}
      disabled={disabled}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q && !results.isFetching ? t("units.noResults") : undefined}
      data={[
        ...known.filter((k) => !units.some((u) => u.id === k.value)),
        ...units.map((u) => ({ value: u.id, label: optionLabel(u) })),
      ]}
      value={value}
      onChange={(id) => {
        const unit = units.find((u) => u.id === id) ?? null;
        setPicked(unit);
        onUnit?.(unit);
        onChange(id);
      }}
      onBlur={onBlur}
      comboboxProps={{ withinPortal: true }}
    />
  );
  if (!allowFormer) return select;
  return (
    <Stack gap={6}>
      {select}
      <Checkbox
        label={t("units.formerOption")}
        description={t("units.formerHint")}
        checked={former}
        disabled={disabled}
        onChange={(e) => {
          setFormer(e.currentTarget.checked);
          setSearch("");
        }}
      />
    </Stack>
  );
}
