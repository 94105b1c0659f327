import { Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import type { Column } from "../../components/data-table";

/** What every list of a person's records shows first: the module, then the record and its unit. */
type RecordLike = { module: string; labelVi: string; orgUnitName: string | null };

/** The module and record columns shared by the records found, the outcomes and the restricted records. */
export function recordColumns<T extends RecordLike>(t: TFunction<"privacy">): Column<T>[] {
  return [
    { key: "module", header: t("requests.module"), cell: (x) => t(`modules.${x.module as "households"}`) },
    {
      key: "record",
      header: t("requests.record"),
      cell: (x) => (
        <Stack gap={2}>
          <Text size="sm" className="td-break">
            {x.labelVi}
          </Text>
          <Text size="xs" c="dimmed">
            {x.orgUnitName}
          </Text>
        </Stack>
      ),
    },
  ];
}
