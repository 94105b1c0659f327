import { Table, Text } from "@mantine/core";
import type { CaseDetail } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../components/scroll-region";
import { Section } from "../../components/section";
import { formatDate } from "../../lib/format";

/** The file's moves between communes: the receiver keeps the senders' history (Circular 10/2024 Art. 15). */
export function CaseTransfers({ transfers }: { transfers: CaseDetail["transfers"] }) {
  const { t } = useTranslation("cases");
  if (transfers.length === 0) return null;
  return (
    <Section title={t("cases.transfers")} id="case-transfers">
      <ScrollRegion label={t("cases.transfers")}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("cases.fromCommune")}</Table.Th>
              <Table.Th scope="col">{t("cases.toCommune")}</Table.Th>
              <Table.Th scope="col">{t("cases.movedOn")}</Table.Th>
              <Table.Th scope="col">{t("cases.transferredOn")}</Table.Th>
              <Table.Th scope="col">{t("cases.receivedOn")}</Table.Th>
              <Table.Th scope="col">{t("cases.previousAssignee")}</Table.Th>
              <Table.Th scope="col">{t("cases.transferReason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transfers.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Th scope="row" fw={500}>
                  {x.fromCommuneName}
                </Table.Th>
                <Table.Td>{x.toCommuneName}</Table.Td>
                <Table.Td>{formatDate(x.movedOn)}</Table.Td>
                <Table.Td>{formatDate(x.transferredOn)}</Table.Td>
                <Table.Td>
                  {x.receivedOn ? (
                    formatDate(x.receivedOn)
                  ) : (
                    <Text span c="orange.9">
                      {t("cases.receiveDeadline")}: {formatDate(x.receiveDueOn)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{x.previousAssigneeBodyName ?? "—"}</Table.Td>
                <Table.Td>{x.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
