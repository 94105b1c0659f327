import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { CoverageFigures } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../components/scroll-region";
import { formatNumber, formatPercent } from "../../lib/format";
import { ExportCsvButton } from "../../components/export-button";
import { QueryState } from "../../components/query-state";
import { coverageQuery } from "./api";

const rateText = (rate: number | null, none: string) => (rate === null ? none : formatPercent(rate));
const orgRate = (members: number, signed: number) => (members > 0 ? signed / members : null);

/** One line at the top of the register: "96/121 hộ ký cam kết năm 2026 · tỷ lệ 79,3 %". */
export function CoverageSummary({
  unitId,
  year,
  detailsId,
}: {
  unitId: string;
  year: number;
  detailsId: string;
}) {
  const { t } = useTranslation("console");
  const query = useQuery(coverageQuery(unitId, year));
  if (!query.data) return null;
  const c = query.data;
  return (
    <Paper withBorder p="sm" data-testid="coverage-summary">
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text fw={700} size="lg">
          {t("coverage.summary", {
            signed: formatNumber(c.signed),
            households: formatNumber(c.households),
            year,
          })}
        </Text>
        {c.rate !== null && (
          <Text c="dimmed">{t("coverage.summaryRate", { rate: formatPercent(c.rate) })}</Text>
        )}
        <Anchor href={`#${detailsId}`} size="sm">
          {t("coverage.summaryDetails")}
        </Anchor>
      </Group>
    </Paper>
  );
}

/** The share of households that signed the year's commitment: per child unit and per member organisation. */
export function CoveragePanel({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation("console");
  const query = useQuery(coverageQuery(unitId, year));
  const none = t("plan.noData");
  return (
    <QueryState query={query}>
      {(c) => (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" component="dl" m={0}>
            <Figure label={t("coverage.households")} value={formatNumber(c.households)} />
            <Figure label={t("coverage.signed")} value={formatNumber(c.signed)} />
            <Figure label={t("coverage.rate", { year })} value={rateText(c.rate, none)} />
          </SimpleGrid>
          {c.children && c.children.length > 0 && (
            <Stack gap="xs">
              <Text fw={600}>{t("coverage.byChild")}</Text>
              <div>
                <ExportCsvButton
                  name={`ty-le-cam-ket-${year}`}
                  header={[
                    t("coverage.unit"),
                    t("coverage.households"),
                    t("coverage.signed"),
                    t("coverage.rateShort"),
                  ]}
                  rows={() =>
                    c.children!.map((x) => [
                      x.name,
                      formatNumber(x.households),
                      formatNumber(x.signed),
                      rateText(x.rate, none),
                    ])
                  }
                />
              </div>
              <ScrollRegion label={t("coverage.byChild")}>
                <FiguresTable
                  first={t("coverage.unit")}
                  rows={c.children.map((x) => ({ key: x.orgUnitId, label: x.name, figures: x }))}
                />
              </ScrollRegion>
            </Stack>
          )}
          <Stack gap="xs">
            <Text fw={600}>{t("coverage.byOrg")}</Text>
            <ScrollRegion label={t("coverage.byOrg")}>
              <Table striped miw={480} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("coverage.org")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("coverage.memberHouseholds")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("coverage.signed")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("coverage.rateShort")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.byOrg.map((o) => (
                    <Table.Tr key={o.kind}>
                      <Table.Th scope="row" fw={500}>
                        {t(`bodies.${o.kind}`)}
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(o.members)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(o.signed)}</Table.Td>
                      <Table.Td ta="right">{rateText(orgRate(o.members, o.signed), none)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs">
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function FiguresTable({
  first,
  rows,
}: {
  first: string;
  rows: { key: string; label: string; figures: CoverageFigures }[];
}) {
  const { t } = useTranslation("console");
  const none = t("plan.noData");
  return (
    <Table striped miw={480} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{first}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("coverage.households")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("coverage.signed")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("coverage.rateShort")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500} className="td-break">
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(r.figures.households)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.figures.signed)}</Table.Td>
            <Table.Td ta="right">{rateText(r.figures.rate, none)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
