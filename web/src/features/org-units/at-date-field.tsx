import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, parseVnDate } from "../../lib/format";

export const PREREFORM_DATE = "2025-06-30";

/** "Xem theo ngày": a dd/mm/yyyy field; a complete valid date applies at once, empty means today. */
export function AtDateField({ at, onChange }: { at?: string; onChange: (at?: string) => void }) {
  const { t } = useTranslation("console");
  const [text, setText] = useState(formatDate(at));
  const [invalid, setInvalid] = useState(false);
  const [shownAt, setShownAt] = useState(at);
  if (shownAt !== at) {
    // The date changed elsewhere (a button, the address bar): show it.
    setShownAt(at);
    setText(formatDate(at));
    setInvalid(false);
  }

  const apply = (value: string, final: boolean) => {
    if (value.trim() === "") {
      setInvalid(false);
      if (at) onChange(undefined);
      return;
    }
    const iso = parseVnDate(value);
    if (iso) {
      setInvalid(false);
      if (iso !== at) onChange(iso);
    } else if (final) {
      setInvalid(true);
    }
  };

  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        label={t("date.label")}
        description={t("date.description")}
        placeholder={t("date.placeholder")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        w={{ base: "100%", xs: 260 }}
        value={text}
        error={invalid ? t("date.invalid") : undefined}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          apply(v, false);
        }}
        onBlur={(e) => apply(e.currentTarget.value, true)}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply(e.currentTarget.value, true);
        }}
      />
      <Button variant="default" onClick={() => onChange(undefined)} disabled={!at}>
        {t("date.today")}
      </Button>
      <Button variant="default" onClick={() => onChange(PREREFORM_DATE)} disabled={at === PREREFORM_DATE}>
        {t("date.prereform")}
      </Button>
    </Group>
  );
}
