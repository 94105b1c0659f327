import { NativeSelect, Text } from "@mantine/core";
import type { Report } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useTranslation } from "react-i18next";
import { indicatorsQuery } from "../../api/indicators";

type Props = Omit<ComponentPropsWithoutRef<"select">, "size"> & {
  error?: string | undefined;
  /** The report's map level (the server's word); undefined while composing (the unit may change). */
  level?: Report["mapLevel"] | undefined;
};

/**
 * The indicator whose map of the children the printed report carries: none, or one of the
 * registry. A report whose unit has no children with official boundaries says so instead.
 */
export const MapIndicatorField = forwardRef<HTMLSelectElement, Props>(function MapIndicatorField(
  { error, level, ...field },
  ref,
) {
  const { t, i18n } = useTranslation("reports");
  const items = useQuery(indicatorsQuery).data?.items ?? [];
  if (level === null) {
    return (
      <Text size="sm" c="dimmed">
        {t("compose.map")}: {t("compose.mapNone")}
      </Text>
    );
  }
  const description =
    level === "provinces"
      ? t("compose.mapProvinces")
      : level === "communes"
        ? t("compose.mapCommunes")
        : t("compose.mapHint");
  return (
    <NativeSelect
      ref={ref}
      label={t("compose.map")}
      description={description}
      error={error}
      data={[
        { value: "", label: t("compose.mapOff") },
        ...items.map((i) => ({ value: i.code, label: i18n.language === "en" ? i.en : i.vi })),
      ]}
      {...field}
    />
  );
});
