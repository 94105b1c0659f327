import { Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, parseVnDate } from "../lib/format";
import { DateField } from "./date-field";

type Period = { from?: string; to?: string };

/** "Từ ngày – Đến ngày" in dd/mm/yyyy; a complete valid date applies at once, empty clears it. */
export function PeriodFilter({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation("console");
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <OneDate label={t("common.from")} iso={value.from} onIso={(from) => onChange({ ...value, from })} />
      <OneDate label={t("common.to")} iso={value.to} onIso={(to) => onChange({ ...value, to })} />
    </Group>
  );
}

function OneDate({ label, iso, onIso }: { label: string; iso?: string; onIso: (iso?: string) => void }) {
  const { t } = useTranslation("console");
  const [text, setText] = useState(formatDate(iso));
  const [invalid, setInvalid] = useState(false);
  const apply = (v: string, final: boolean) => {
    if (v.trim() === "") {
      setInvalid(false);
      if (iso) onIso(undefined);
      return;
    }
    const parsed = parseVnDate(v);
    if (parsed) {
      setInvalid(false);
      if (parsed !== iso) onIso(parsed);
    } else if (final) setInvalid(true);
  };
  return (
    <DateField
      label={label}
      w={{ base: "100%", xs: 170 }}
      value={text}
      error={invalid ? t("common.dateInvalid") : undefined}
      onChange={(e) => {
        setText(e.currentTarget.value);
        apply(e.currentTarget.value, false);
      }}
      onBlur={(e) => apply(e.currentTarget.value, true)}
    />
  );
}
