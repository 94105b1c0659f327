import { NativeSelect } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { changeLanguage, type Language } from "../app/i18n";

/** vi / en, remembered in localStorage. The label is for screen readers; the options say it all. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current: Language = i18n.language === "en" ? "en" : "vi";
  return (
    <>
      <label htmlFor={id} className="td-visually-hidden">
        {t("language.label")}
      </label>
      <NativeSelect
        id={id}
        size="xs"
        w={112}
        value={current}
        onChange={(e) => changeLanguage(e.currentTarget.value === "en" ? "en" : "vi")}
        data={[
          { value: "vi", label: t("language.vi") },
          { value: "en", label: t("language.en") },
        ]}
      />
    </>
  );
}
