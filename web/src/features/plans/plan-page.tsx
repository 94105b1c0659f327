import "../../locales/register-console";
import { Badge, Button, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import type { Plan, PlanProgress } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ScrollRegion } from "../../components/scroll-region";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton } from "../../components/export-button";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { PlanReviewButton } from "./plan-review-form";
import { bodyLabel, comparatorSymbol, figureText, isRate, planProgressQuery, planQuery } from "./api";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function PlanPage() {
  const { id } = useParams({ from: "/console/ke-hoach/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  const valid = UUID.test(id) && can(user, "plan.read");
  const query = useQuery({ ...planQuery(id), enabled: valid });
  usePageTitle(query.data ? `${query.data.number}` : t("plans.title"));
  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/ke-hoach" size="sm">
        {t("plan.back")}
      </AnchorLink>
      <QueryState query={query}>{(plan) => <PlanView plan={plan} />}</QueryState>
    </Stack>
  );
}

/** Edit link and delete button with its confirmation, for those who manage plans. */
function PlanActions({ plan }: { plan: Plan }) {
  const { t } = useTranslation("console");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(`/plans/${plan.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["plan", plan.id] });
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
      await navigate({ to: "/ke-hoach" });
    },
  });
  if (!plan.can.update && !plan.can.delete) return null;
  return (
    <>
      <Group gap="sm">
        {plan.can.update && (
          <AnchorLink to="/ke-hoach/$id/sua" params={{ id: plan.id }}>
            {t("plan.edit")}
          </AnchorLink>
        )}
        {plan.can.delete && (
          <Button variant="outline" color="red.8" size="xs" onClick={() => setConfirming(true)}>
            {t("plan.delete")}
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("plan.delete")}
        cancelLabel={t("plan.cancel")}
        confirmLabel={t("plan.deleteYes")}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
        danger
      >
        {t("plan.deleteConfirm", { number: plan.number })}
      </ConfirmDialog>
    </>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation("console");
  const years = [...new Set(plan.milestones.map((m) => m.year))].sort((a, b) => a - b);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {t("plan.heading", { number: plan.number })}
        </Title>
        <Text className="td-break">{plan.title}</Text>
        {plan.kind === "coordination_programme" && (
          <Text size="sm" fw={600}>
            {t("planKinds.coordination_programme")}
          </Text>
        )}
        {plan.sources.map((s) => (
          <Text key={s.id} size="sm" className="td-break">
            {t("planSources.implementsLine", {
              kind: t(`planSources.kinds.${s.kind}`),
              number: s.number,
              date: formatDate(s.issuedOn),
              issuer: s.issuer,
            })}{" "}
            “{s.title}”
          </Text>
        ))}
        <Text size="sm" c="dimmed" className="td-break">
          {t("plans.meta", {
            unit: plan.orgUnitName,
            date: formatDate(plan.issuedOn),
            from: plan.periodFrom,
            to: plan.periodTo,
          })}
        </Text>
        <Group gap="xs">
          {plan.issuers.map((b) => (
            <Badge key={b.id} variant="outline" color="brand.8" radius="sm" style={{ textTransform: "none" }}>
              {b.name}
            </Badge>
          ))}
        </Group>
        <PlanActions plan={plan} />
      </Stack>

      <Section title={t("plan.progress")} id="progress">
        <Progress plan={plan} />
      </Section>

      <Section title={t("planReviews.heading")} id="reviews">
        {plan.can.review && <PlanReviewButton plan={plan} />}
        {plan.reviews.length === 0 ? (
          <Text c="dimmed">{t("planReviews.empty")}</Text>
        ) : (
          <Stack gap="sm">
            {plan.reviews.map((r) => (
              <div key={r.id}>
                <Title order={3} size="h5">
                  {t("planReviews.line", {
                    kind: t(`planReviews.kinds.${r.kind}`),
                    year: r.year,
                    date: formatDate(r.reviewedOn),
                  })}
                </Title>
                {r.source && (
                  <Text size="sm" c="dimmed">
                    {t("planReviews.source")}: {t(`planSources.kinds.${r.source.kind}`)} {r.source.number}
                  </Text>
                )}
                <Text size="sm" className="td-break" style={{ whiteSpace: "pre-line" }}>
                  {r.findings}
                </Text>
                {r.figures.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t("planReviews.targetsMet", {
                      met: r.figures.filter((f) => f.status === "met").length,
                      total: r.figures.length,
                    })}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t("plan.tasks")} id="tasks">
        {plan.tasks.length === 0 ? (
          <Text c="dimmed">{t("plan.noTasks")}</Text>
        ) : (
          <List type="ordered" spacing="sm">
            {plan.tasks.map((task) => (
              <List.Item key={task.id}>
                <Text fw={600} className="td-break">
                  {task.title}
                </Text>
                {task.description && (
                  <Text size="sm" className="td-break">
                    {task.description}
                  </Text>
                )}
                {task.bodyKinds.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t("plan.taskBodies", { bodies: task.bodyKinds.map((k) => bodyLabel(t, k)).join(", ") })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section title={t("plan.milestones")} id="milestones">
        {years.length === 0 ? (
          <Text c="dimmed">{t("plan.noMilestones")}</Text>
        ) : (
          <Stack gap="sm">
            {years.map((y) => (
              <div key={y}>
                <Title order={3} size="h5">
                  {t("plan.year", { year: y })}
                </Title>
                <List spacing={4} size="sm">
                  {plan.milestones
                    .filter((m) => m.year === y)
                    .map((m) => (
                      <List.Item key={m.id}>
                        <span className="td-break">{m.text}</span>
                      </List.Item>
                    ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

const STATUS_COLOR = { met: "teal.9", not_met: "red.9", no_data: "gray.7", not_started: "blue.9" } as const;
const STATUS_VARIANT = {
  met: "filled",
  not_met: "filled",
  no_data: "outline",
  not_started: "outline",
} as const;

function Progress({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation("console");
  const progress = useQuery(planProgressQuery(plan.id));
  const indicators = useQuery(indicatorsQuery).data?.items;
  const labelOf = (targetId: string) => plan.targets.find((x) => x.id === targetId)?.label ?? null;
  return (
    <QueryState query={progress}>
      {(p: PlanProgress) => {
        if (p.targets.length === 0) return <Text c="dimmed">{t("plan.noTargets")}</Text>;
        const rows = p.targets.map((x) => {
          const rate = isRate(indicators, x.indicator);
          const label = labelOf(x.targetId);
          return {
            key: x.targetId,
            target: indicatorName(indicators, x.indicator, i18n.language) + (label ? ` (${label})` : ""),
            year: String(x.year),
            unit: x.orgUnitName,
            body: bodyLabel(t, x.bodyKind),
            value: `${comparatorSymbol(x.comparator)} ${figureText(x.value, rate)}`,
            actual: x.actual === null ? t("plan.noData") : figureText(x.actual, rate),
            status: x.status,
            statusText: t(`plan.status.${x.status}`),
          };
        });
        return (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t("plan.asOf", { date: formatDate(p.asOf) })}
              </Text>
              <ExportCsvButton
                name={`tien-do-${plan.number.replace(/\//g, "-")}`}
                header={[
                  t("plan.col.target"),
                  t("plan.col.year"),
                  t("plan.col.unit"),
                  t("plan.col.body"),
                  t("plan.col.value"),
                  t("plan.col.actual"),
                  t("plan.col.status"),
                ]}
                rows={() =>
                  rows.map((r) => [r.target, r.year, r.unit, r.body, r.value, r.actual, r.statusText])
                }
              />
            </Group>
            <ScrollRegion label={t("plan.progressTable")}>
              <Table striped miw={760} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("plan.col.target")}</Table.Th>
                    <Table.Th scope="col">{t("plan.col.year")}</Table.Th>
                    <Table.Th scope="col">{t("plan.col.unit")}</Table.Th>
                    <Table.Th scope="col">{t("plan.col.body")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("plan.col.value")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("plan.col.actual")}
                    </Table.Th>
                    <Table.Th scope="col">{t("plan.col.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td className="td-break">{r.target}</Table.Td>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td className="td-break">{r.unit}</Table.Td>
                      <Table.Td>{r.body}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {r.value}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        {r.actual}
                      </Table.Td>
                      <Table.Td style={{ minWidth: 150 }}>
                        <Badge
                          color={STATUS_COLOR[r.status]}
                          variant={STATUS_VARIANT[r.status]}
                          radius="sm"
                          maw="none"
                          style={{ textTransform: "none", overflow: "visible" }}
                        >
                          {r.statusText}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Stack>
        );
      }}
    </QueryState>
  );
}
