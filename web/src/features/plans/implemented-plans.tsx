import { Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ImplementedPlan, ImplementedPlans } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { QueryState } from "../../components/query-state";
import { ScrollRegion } from "../../components/scroll-region";
import { formatDate } from "../../lib/format";
import { bodyLabel, comparatorSymbol, figureText, implementedPlansQuery, isRate } from "./api";

const STATUS_COLOR = {
  met: "teal.9",
  not_met: "red.9",
  no_data: "gray.7",
  not_started: "blue.9",
  no_target: "gray.7",
} as const;

/** "Kế hoạch cấp trên đơn vị thực hiện": the plans above, each with this unit's share. */
export function ImplementedPlansSection({ year }: { year?: number }) {
  const { t } = useTranslation("console");
  const query = useQuery(implementedPlansQuery(year));
  return (
    <Stack gap="sm" component="section" aria-labelledby="implemented-plans-title">
      <Title order={2} size="h3" id="implemented-plans-title">
        {t("plans.implemented.title")}
      </Title>
      <QueryState query={query}>
        {(data: ImplementedPlans) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("plans.implemented.none")}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {data.items.map((p) => (
                <Paper key={`${p.id}-${p.implementingUnitId}`} withBorder p="sm" component="li">
                  <ImplementedPlanCard plan={p} />
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function ImplementedPlanCard({ plan }: { plan: ImplementedPlan }) {
  const { t, i18n } = useTranslation("console");
  const indicators = useQuery(indicatorsQuery).data?.items;
  const headingId = `implemented-${plan.id}-${plan.implementingUnitId}`;
  return (
    <Stack gap={6}>
      <Title order={3} size="h4" id={headingId} className="td-break">
        {t("plan.heading", { number: plan.number })}
      </Title>
      <Text className="td-break">{plan.title}</Text>
      <Text size="sm" c="dimmed" className="td-break">
        {t("plans.meta", {
          unit: plan.orgUnitName,
          date: formatDate(plan.issuedOn),
          from: plan.periodFrom,
          to: plan.periodTo,
        })}
      </Text>
      {plan.tasks.length > 0 && (
        <details>
          <summary>{t("plans.implemented.tasks", { n: plan.tasks.length })}</summary>
          <ol style={{ margin: "8px 0", paddingLeft: 24 }}>
            {plan.tasks.map((task) => (
              <li key={task.ordinal} className="td-break">
                {task.title}
              </li>
            ))}
          </ol>
        </details>
      )}
      <Text fw={600} size="sm" mt={4}>
        {t("plans.implemented.shareOf", { unit: plan.implementingUnitName })}
      </Text>
      <Text size="xs" c="dimmed">
        {t("plans.implemented.rule")}
      </Text>
      {plan.share.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("plan.noTargets")}
        </Text>
      ) : (
        <ScrollRegion label={t("plans.implemented.table", { number: plan.number })}>
          <Table striped miw={720} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("plan.col.target")}</Table.Th>
                <Table.Th scope="col">{t("plan.col.year")}</Table.Th>
                <Table.Th scope="col">{t("plan.col.body")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("plans.implemented.ownTarget")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("plan.col.actual")}
                </Table.Th>
                <Table.Th scope="col">{t("plan.col.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.share.map((s) => {
                const rate = isRate(indicators, s.indicator);
                const planFigure = `${comparatorSymbol(s.comparator)} ${figureText(s.planValue, rate)}`;
                return (
                  <Table.Tr key={s.targetId}>
                    <Table.Td className="td-break">
                      {indicatorName(indicators, s.indicator, i18n.language)}
                      {s.label && (
                        <Text size="xs" c="dimmed" className="td-break">
                          {s.label}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{s.year}</Table.Td>
                    <Table.Td>{bodyLabel(t, s.bodyKind)}</Table.Td>
                    <Table.Td ta="right">
                      <Text span style={{ whiteSpace: "nowrap" }}>
                        {s.target === null
                          ? "—"
                          : `${comparatorSymbol(s.comparator)} ${figureText(s.target, rate)}`}
                      </Text>
                      {s.kind !== "same_rate" && (
                        <Text size="xs" c="dimmed">
                          {t(`plans.implemented.kind.${s.kind}`, { figure: planFigure })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {s.actual === null ? "—" : figureText(s.actual, rate)}
                    </Table.Td>
                    <Table.Td style={{ minWidth: 150 }}>
                      <Badge
                        color={STATUS_COLOR[s.status]}
                        variant="outline"
                        radius="sm"
                        maw="none"
                        style={{ textTransform: "none", overflow: "visible" }}
                      >
                        {t(`plans.implemented.status.${s.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
