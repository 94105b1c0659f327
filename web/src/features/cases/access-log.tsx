import { Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state";
import { ScrollRegion } from "../../components/scroll-region";
import { Section } from "../../components/section";
import { formatDateTime } from "../../lib/format";
import { caseAccessLogQuery } from "./api";

/** Who opened the file, when, on what basis and why: each person named the same way. */
export function AccessLog({ id }: { id: string }) {
  const { t } = useTranslation("cases");
  const query = useQuery(caseAccessLogQuery(id));
  return (
    <Section title={t("cases.accessLog")} id="case-access">
      <QueryState query={query}>
        {(page) => (
          <ScrollRegion label={t("cases.accessLog")}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("cases.accessedAt")}</Table.Th>
                  <Table.Th scope="col">{t("cases.who")}</Table.Th>
                  <Table.Th scope="col">{t("cases.accessBasisOf")}</Table.Th>
                  <Table.Th scope="col">{t("cases.purpose")}</Table.Th>
                  <Table.Th scope="col">{t("cases.reason")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.accessedAt)}</Table.Td>
                    <Table.Td>{t("cases.person", { name: e.displayName, username: e.username })}</Table.Td>
                    <Table.Td>
                      {t(`cases.basis.${e.basis as "assignee"}`, { defaultValue: e.basis })}
                    </Table.Td>
                    <Table.Td>{t(`cases.purposes.${e.purpose as "read"}`)}</Table.Td>
                    <Table.Td>{e.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </QueryState>
    </Section>
  );
}
