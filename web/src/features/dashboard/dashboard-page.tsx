import "../../locales/register-console";
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import type { Dashboard } from "@toandan/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { indicatorsQuery } from "../../api/indicators";
import { NotFoundContent } from "../../app/fallback-pages";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatNumber, formatPercent } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { currentYear } from "../../lib/scope";

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const STATUS_COLOR: Record<Dashboard["tiles"][number]["status"], string> = {
  met: "green",
  on_track: "blue",
  behind: "red",
  no_target: "gray",
  no_data: "gray",
};

function dashboardQuery(orgUnitId: string, year: number) {
  return queryOptions({
    queryKey: ["dashboard", orgUnitId, year],
    queryFn: ({ signal }) => api<Dashboard>("/dashboard", { query: { orgUnitId, year }, signal }),
  });
}

function formatValue(unit: string | undefined, v: number | null, empty: string): string {
  if (v === null) return empty;
  return unit === "rate" ? formatPercent(v) : formatNumber(v);
}

export function DashboardPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("reports");
  usePageTitle(t("dashboard.title"));
  if (!can(user, "indicator.read")) return <NotFoundContent />;
  return <DashboardView home={user.roles[0]?.orgUnitId ?? ""} />;
}

const YEARS = Array.from({ length: 8 }, (_, i) => currentYear() - i);

function DashboardView({ home }: { home: string }) {
  const { t } = useTranslation("reports");
  const [unitId, setUnitId] = useState(home);
  const [year, setYear] = useState(currentYear());
  const query = useQuery(dashboardQuery(unitId, year));
  const indicators = useQuery(indicatorsQuery);
  const byCode = new Map((indicators.data?.items ?? []).map((i) => [i.code, i]));
  const d = query.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{d ? `${t("dashboard.title")} — ${d.orgUnitName}` : t("dashboard.title")}</Title>
        <NativeSelect
          label={t("dashboard.year")}
          w={{ base: "100%", xs: 160 }}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={YEARS.map(String)}
        />
      </Group>
      {d && (
        <Breadcrumbs>
          {d.breadcrumb.map((b) => (
            <Anchor component="button" type="button" key={b.id} onClick={() => setUnitId(b.id)}>
              {b.name}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      {query.isPending && <Loader aria-label="…" />}
      {query.isError && <ErrorAlert error={query.error} />}
      {d && (
        <>
          <section aria-label={t("dashboard.indicators")}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              {d.tiles.map((tile) => {
                const ind = byCode.get(tile.code);
                return (
                  <Paper key={tile.code} withBorder p="sm" data-testid={`tile-${tile.code}`}>
                    <Text size="sm">{ind?.vi ?? tile.code}</Text>
                    <Text fw={700} size="xl">
                      {formatValue(ind?.unit, tile.value, t("dashboard.status.no_data"))}
                    </Text>
                    {tile.target !== null && (
                      <Text size="xs">
                        {t("dashboard.target")}: {formatValue(ind?.unit, tile.target, "")}
                      </Text>
                    )}
                    <Badge color={STATUS_COLOR[tile.status]} variant="light" mt={4}>
                      {t(`dashboard.status.${tile.status}`)}
                    </Badge>
                  </Paper>
                );
              })}
            </SimpleGrid>
          </section>
          <TrendChart dashboard={d} />
          <Children dashboard={d} onOpen={setUnitId} />
        </>
      )}
    </Stack>
  );
}

function TrendChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("reports");
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const onResize = () => chart.current?.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({
      tooltip: { trigger: "axis" },
      legend: { data: [t("dashboard.activities"), t("dashboard.attendees")] },
      grid: { left: 48, right: 48, bottom: 32 },
      xAxis: {
        type: "category",
        data: dashboard.trend.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`),
      },
      yAxis: [{ type: "value" }, { type: "value" }],
      series: [
        {
          name: t("dashboard.activities"),
          type: "line",
          data: dashboard.trend.map((m) => m.values["activities.count"] ?? 0),
        },
        {
          name: t("dashboard.attendees"),
          type: "line",
          yAxisIndex: 1,
          data: dashboard.trend.map((m) => m.values["activities.attendees"] ?? 0),
        },
      ],
    });
  }, [dashboard, t]);
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `dien-bien-${dashboard.year}.png`;
    a.click();
  };
  return (
    <Paper withBorder p="sm" component="section" aria-label={t("dashboard.trend")}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t("dashboard.trend")}
        </Title>
        <Button variant="light" size="xs" onClick={savePng}>
          {t("dashboard.savePng")}
        </Button>
      </Group>
      <div ref={ref} style={{ width: "100%", height: 280 }} role="img" aria-label={t("dashboard.trend")} />
    </Paper>
  );
}

function Children({ dashboard, onOpen }: { dashboard: Dashboard; onOpen: (id: string) => void }) {
  const { t } = useTranslation("reports");
  const max = Math.max(1, ...dashboard.children.map((c) => c.values["activities.count"] ?? 0));
  if (dashboard.children.length === 0) return <Text>{t("dashboard.none")}</Text>;
  return (
    <>
      <section aria-label={t("dashboard.tiles")}>
        <Title order={2} size="h3" mb="xs">
          {t("dashboard.tiles")}
        </Title>
        <SimpleGrid cols={{ base: 3, xs: 5, md: 8 }} spacing={4}>
          {dashboard.children.map((c) => {
            const share = (c.values["activities.count"] ?? 0) / max;
            return (
              <UnstyledButton
                key={c.id}
                onClick={() => onOpen(c.id)}
                aria-label={t("dashboard.drill", { name: c.name })}
                title={`${c.name}: ${formatNumber(c.values["activities.count"] ?? 0)}`}
                style={{
                  background: `rgba(25, 113, 194, ${0.15 + 0.85 * share})`,
                  color: share > 0.5 ? "#fff" : "#000",
                  padding: 6,
                  borderRadius: 4,
                  fontSize: 12,
                  minHeight: 44,
                }}
              >
                {c.name}
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      </section>
      <Paper
        withBorder
        component="section"
        aria-label={t("dashboard.children")}
        style={{ overflowX: "auto" }}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.rank")}</Table.Th>
              <Table.Th>{t("dashboard.unit")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.activities")}</Table.Th>
              <Table.Th ta="right">{t("dashboard.attendees")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.children.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.rank}</Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onOpen(c.id)}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(c.values["activities.count"] ?? 0)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.values["activities.attendees"] ?? 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
