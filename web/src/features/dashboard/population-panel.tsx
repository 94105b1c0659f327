import { Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { UnitPopulations } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { ActionForm } from "../../components/action-form";
import { ErrorAlert } from "../../components/error-alert";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";

const key = (unitId: string) => ["unit-populations", unitId];

/**
 * A commune's population on its dashboard: the figure in force (with its day and source), the
 * earlier ones, and — for the commune's own cadres and its province's — a form for a new figure.
 * Rates per 10,000 people on the map use it.
 */
export function PopulationPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation("reports");
  const client = useQueryClient();
  const query = useQuery({
    queryKey: key(unitId),
    queryFn: ({ signal }) => api<UnitPopulations>(`/org-units/${unitId}/populations`, { signal }),
  });
  if (query.isError) return <ErrorAlert error={query.error} />;
  const p = query.data;
  if (!p) return null;
  const current = p.items[0];
  return (
    <Stack gap="xs" component="section" aria-labelledby="population-title" data-testid="population-panel">
      <Title order={3} size="h4" id="population-title">
        {t("dashboard.population.title")}
      </Title>
      <Text>
        {current
          ? t("dashboard.population.current", {
              population: formatNumber(current.population),
              asOf: formatDate(current.asOf),
              source: current.source,
            })
          : t("dashboard.population.none")}
      </Text>
      {p.items.length > 1 && (
        <Table striped>
          <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
            {t("dashboard.population.history")}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.population.asOf")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.population.population")}</Table.Th>
              <Table.Th>{t("dashboard.population.source")}</Table.Th>
              <Table.Th>{t("dashboard.population.recordedBy")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{formatDate(i.asOf)}</Table.Td>
                <Table.Td ta="right">{formatNumber(i.population)}</Table.Td>
                <Table.Td className="td-break">{i.source}</Table.Td>
                <Table.Td className="td-break">
                  {i.recordedByName ?? "—"}, {formatDateTime(i.recordedAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {p.canRecord && (
        <ActionForm
          fields={[
            {
              name: "population",
              label: t("dashboard.population.population"),
              kind: "number",
              required: true,
            },
            { name: "asOf", label: t("dashboard.population.asOf"), kind: "date", required: true },
            {
              name: "source",
              label: t("dashboard.population.source"),
              required: true,
              description: t("dashboard.population.sourceHint"),
            },
          ]}
          submitLabel={t("dashboard.population.record")}
          onSubmit={(body) => api(`/org-units/${unitId}/populations`, { method: "POST", body })}
          onDone={() => {
            void client.invalidateQueries({ queryKey: key(unitId) });
            void client.invalidateQueries({ queryKey: ["map-values"] });
          }}
        />
      )}
    </Stack>
  );
}
