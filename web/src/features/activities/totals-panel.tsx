import { Paper, Radio, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import {
  ACTIVITY_KINDS,
  ACTIVITY_TOPICS,
  BODY_KINDS,
  type ActivityChannel,
  type ActivityFigureTotals,
  type ActivityKind,
  type ActivityTopic,
  type BodyKind,
} from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../components/scroll-region";
import { formatDate, formatNumber } from "../../lib/format";
import { ExportCsvButton } from "../../components/export-button";
import { QueryState } from "../../components/query-state";
import { activityTotalsQuery, type TotalsGroupBy } from "./api";

const COLUMNS = [
  "activities",
  "attendees",
  "households",
  "students",
  "leaflets",
  "panels",
  "slogans",
  "broadcastItems",
  "broadcastHours",
] as const satisfies readonly (keyof ActivityFigureTotals)[];

type Props = {
  orgUnitId: string;
  from: string;
  to: string;
  kind?: ActivityKind;
  topic?: ActivityTopic;
  channel?: ActivityChannel;
  bodyKind?: BodyKind;
};

/** Joint totals of the unit's subtree over the period, and a breakdown the user picks. */
export function TotalsPanel(props: Props) {
  const { t } = useTranslation("console");
  const [groupBy, setGroupBy] = useState<TotalsGroupBy>("body");
  const query = useQuery(activityTotalsQuery({ ...props, groupBy }));
  const columnLabel = (c: (typeof COLUMNS)[number]) =>
    c === "activities" ? t("activityTotals.activities") : t(`figures.${c}`);
  const groupLabel = (key: string, label: string) => {
    if (key === props.orgUnitId) return t("activityTotals.direct");
    if (groupBy === "body" && (BODY_KINDS as readonly string[]).includes(key)) {
      return t(`bodies.${key as BodyKind}`);
    }
    if (groupBy === "kind" && (ACTIVITY_KINDS as readonly string[]).includes(key)) {
      return t(`activityKinds.${key as ActivityKind}`);
    }
    if (groupBy === "topic" && (ACTIVITY_TOPICS as readonly string[]).includes(key)) {
      return t(`activityTopics.${key as ActivityTopic}`);
    }
    return label;
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("activityTotals.period", { from: formatDate(props.from), to: formatDate(props.to) })}
      </Text>
      <QueryState query={query}>
        {(data) => {
          const groups = (data.groups ?? []).map((g) => ({ ...g, label: groupLabel(g.key, g.label) }));
          return (
            <Stack gap="md">
              <div>
                <Text fw={600} mb={6} id="joint-totals">
                  {t("activityTotals.joint")}
                </Text>
                <SimpleGrid
                  cols={{ base: 2, sm: 3, lg: 5 }}
                  spacing="xs"
                  component="dl"
                  m={0}
                  aria-labelledby="joint-totals"
                >
                  {COLUMNS.map((c) => (
                    <Paper key={c} withBorder p="xs">
                      <Text component="dt" size="xs" c="dimmed">
                        {columnLabel(c)}
                      </Text>
                      <Text component="dd" m={0} fw={700} size="lg">
                        {formatNumber(data.totals[c])}
                      </Text>
                    </Paper>
                  ))}
                </SimpleGrid>
              </div>
              <Radio.Group
                label={t("activityTotals.groupBy")}
                value={groupBy}
                onChange={(v) => setGroupBy(v)}
              >
                <Stack gap={6} mt={6} style={{ flexDirection: "row", flexWrap: "wrap", columnGap: 16 }}>
                  <Radio value="body" label={t("activityTotals.byBody")} />
                  <Radio value="child" label={t("activityTotals.byChild")} />
                  <Radio value="kind" label={t("activityTotals.byKind")} />
                  <Radio value="topic" label={t("activityTotals.byTopic")} />
                </Stack>
              </Radio.Group>
              <Text size="sm" role="note">
                {t("activityTotals.note")}
              </Text>
              {groups.length === 0 ? (
                <Text c="dimmed">{t("activityTotals.noGroups")}</Text>
              ) : (
                <>
                  <div>
                    <ExportCsvButton
                      name={`tong-hop-hoat-dong-${groupBy}`}
                      header={[t("activityTotals.group"), ...COLUMNS.map(columnLabel)]}
                      rows={() => [
                        ...groups.map((g) => [g.label, ...COLUMNS.map((c) => formatNumber(g.totals[c]))]),
                        [t("activityTotals.joint"), ...COLUMNS.map((c) => formatNumber(data.totals[c]))],
                      ]}
                    />
                  </div>
                  <ScrollRegion label={t("activityTotals.table")}>
                    <Table striped miw={820} verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t("activityTotals.group")}</Table.Th>
                          {COLUMNS.map((c) => (
                            <Table.Th key={c} scope="col" ta="right">
                              {columnLabel(c)}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {groups.map((g) => (
                          <Table.Tr key={g.key}>
                            <Table.Th scope="row" fw={500} className="td-break">
                              {g.label}
                            </Table.Th>
                            {COLUMNS.map((c) => (
                              <Table.Td key={c} ta="right">
                                {formatNumber(g.totals[c])}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                        <Table.Tr fw={700}>
                          <Table.Th scope="row">{t("activityTotals.joint")}</Table.Th>
                          {COLUMNS.map((c) => (
                            <Table.Td key={c} ta="right">
                              {formatNumber(data.totals[c])}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      </Table.Tbody>
                    </Table>
                  </ScrollRegion>
                </>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
