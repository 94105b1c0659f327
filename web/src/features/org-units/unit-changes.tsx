import { Table } from "@mantine/core";
import type { OrgUnitDetail } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../components/scroll-region";
import { formatDate } from "../../lib/format";
import { typeLabel } from "./labels";

/** Attribute changes (e.g. 30/04/2026: Đồng Nai, Tỉnh → Thành phố trực thuộc TW). */
export function UnitChanges({ changes }: { changes: OrgUnitDetail["changes"] }) {
  const { t } = useTranslation("console");
  const value = (field: string, v: string) => (field === "type" ? (typeLabel(t, v) ?? v) : v);
  return (
    <ScrollRegion label={t("unit.changesTable")}>
      <Table striped miw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("unit.change.effectiveDate")}</Table.Th>
            <Table.Th scope="col">{t("unit.change.field")}</Table.Th>
            <Table.Th scope="col">{t("unit.change.oldValue")}</Table.Th>
            <Table.Th scope="col">{t("unit.change.newValue")}</Table.Th>
            <Table.Th scope="col">{t("unit.change.legalBasis")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={`${c.effectiveDate}-${c.field}`}>
              <Table.Td>{formatDate(c.effectiveDate)}</Table.Td>
              <Table.Td>
                {t(`unit.change.fields.${c.field}` as "unit.change.fields.type", { defaultValue: c.field })}
              </Table.Td>
              <Table.Td>{value(c.field, c.oldValue)}</Table.Td>
              <Table.Td>{value(c.field, c.newValue)}</Table.Td>
              <Table.Td>{c.legalBasis ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
