import { TextInput, type TextInputProps } from "@mantine/core";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";

/** A dd/mm/yyyy text box (no browser date picker: the same on every phone, and typed fast). */
export const DateField = forwardRef<HTMLInputElement, TextInputProps>(function DateField(props, ref) {
  const { t } = useTranslation("console");
  return (
    <TextInput
      ref={ref}
      placeholder={t("common.datePlaceholder")}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      {...props}
    />
  );
});
