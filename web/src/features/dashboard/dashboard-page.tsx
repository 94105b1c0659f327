import "../../locales/register-console";
import {
  Badge,
  Breadcrumbs,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { Dashboard, IndicatorCode } from "@toandan/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatNumber, formatPercent } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { currentYear } from "../../lib/scope";
import { DashboardMap } from "./dashboard-map";

// The chart library loads only when a chart is shown (its own chunk).
const TrendChart = lazy(() => import("./trend-chart"));

/** Only these statuses are shown on a tile; "no target" is said once for the whole grid. */
const STATUS_COLOR = { met: "green.9", on_track: "blue.9", behind: "red.9" } as const;

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
  const params: { unitId?: string } = useParams({ strict: false });
  const search: { nam?: number; lop?: string } = useSearch({ strict: false });
  if (!can(user, "indicator.read")) return <NotFoundContent />;
  const unitId = params.unitId ?? user.roles[0]?.orgUnitId ?? "";
  return <DashboardView unitId={unitId} year={search.nam ?? currentYear()} search={search} />;
}

const YEARS = Array.from({ length: 8 }, (_, i) => currentYear() - i);

function DashboardView({
  unitId,
  year,
  search,
}: {
  unitId: string;
  year: number;
  search: { nam?: number; lop?: string };
}) {
  const { t, i18n } = useTranslation("reports");
  const navigate = useNavigate();
  const query = useQuery(dashboardQuery(unitId, year));
  const indicators = useQuery(indicatorsQuery).data?.items;
  const unitOf = (code: IndicatorCode) => indicators?.find((i) => i.code === code)?.unit;
  const d = query.data;
  // An address of a unit that does not exist or is not the user's to see reads as "not found".
  if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
    return <NotFoundContent />;
  }
  const yearSearch = year === currentYear() ? {} : { nam: year };
  const untargeted = d ? d.tiles.filter((tile) => tile.status === "no_target").length : 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Title order={1}>{d ? `${t("dashboard.title")} — ${d.orgUnitName}` : t("dashboard.title")}</Title>
        <NativeSelect
          label={t("dashboard.year")}
          w={{ base: "100%", xs: 160 }}
          value={String(year)}
          onChange={(e) =>
            void navigate({
              to: "/bang-dieu-khien/$unitId",
              params: { unitId },
              search: { nam: Number(e.currentTarget.value), ...(search.lop ? { lop: search.lop } : {}) },
            })
          }
          data={YEARS.map(String)}
        />
      </Group>
      {d && (
        <Breadcrumbs separator="/" aria-label={t("dashboard.breadcrumb")} style={{ flexWrap: "wrap" }}>
          {d.breadcrumb.map((b) =>
            b.id === d.orgUnitId ? (
              <Text key={b.id} aria-current="page">
                {b.name}
              </Text>
            ) : (
              <AnchorLink
                key={b.id}
                to="/bang-dieu-khien/$unitId"
                params={{ unitId: b.id }}
                search={yearSearch}
              >
                {b.name}
              </AnchorLink>
            ),
          )}
        </Breadcrumbs>
      )}
      {d?.replica && (
        <Text size="sm" c="dimmed" data-testid="replica-freshness">
          {d.replica.lagSeconds === 0
            ? t("dashboard.replicaCurrent")
            : t("dashboard.replicaLag", { count: d.replica.lagSeconds })}
        </Text>
      )}
      {query.isPending && <Loader aria-label="…" />}
      {query.isError && <ErrorAlert error={query.error} />}
      {d && (
        <>
          <section aria-labelledby="dashboard-indicators">
            <Title order={2} size="h3" id="dashboard-indicators" mb={4}>
              {t("dashboard.indicators")}
            </Title>
            {untargeted > 0 && (
              <Text size="sm" c="dimmed" mb="xs" data-testid="no-target-note">
                {d.tiles.every((tile) => tile.target === null)
                  ? t("dashboard.noTargets", { year: d.year })
                  : t("dashboard.someNoTargets", { year: d.year })}
              </Text>
            )}
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              {d.tiles.map((tile) => {
                const unit = unitOf(tile.code);
                const status =
                  tile.status in STATUS_COLOR ? (tile.status as keyof typeof STATUS_COLOR) : null;
                return (
                  <Paper key={tile.code} withBorder p="sm" data-testid={`tile-${tile.code}`}>
                    <Text size="sm" className="td-break">
                      {indicatorName(indicators, tile.code, i18n.language)}
                    </Text>
                    <Text fw={700} size={tile.value === null ? "md" : "xl"} className="td-break">
                      {formatValue(unit, tile.value, t("dashboard.status.no_data"))}
                    </Text>
                    {tile.target !== null && (
                      <Text size="xs">
                        {t("dashboard.target")}: {formatValue(unit, tile.target, "")}
                      </Text>
                    )}
                    {status && (
                      <Badge color={STATUS_COLOR[status]} variant="outline" mt={4}>
                        {t(`dashboard.status.${status}`)}
                      </Badge>
                    )}
                  </Paper>
                );
              })}
            </SimpleGrid>
          </section>
          <Suspense fallback={<Loader size="sm" aria-label={t("dashboard.trend")} />}>
            <TrendChart dashboard={d} />
          </Suspense>
          <DashboardMap unitId={unitId} year={year} search={search} />
          <Children dashboard={d} yearSearch={yearSearch} />
        </>
      )}
    </Stack>
  );
}

function Children({ dashboard, yearSearch }: { dashboard: Dashboard; yearSearch: { nam?: number } }) {
  const { t } = useTranslation("reports");
  if (dashboard.children.length === 0) return <Text>{t("dashboard.none")}</Text>;
  const active = dashboard.children.filter((c) => (c.values["activities.count"] ?? 0) > 0);
  const idle = dashboard.children.filter((c) => (c.values["activities.count"] ?? 0) === 0);
  return (
    <>
      <Paper withBorder component="section" aria-labelledby="dashboard-ranking" style={{ overflowX: "auto" }}>
        <Title order={2} size="h3" p="sm" id="dashboard-ranking">
          {t("dashboard.children")}
        </Title>
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
            {active.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.rank}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/bang-dieu-khien/$unitId" params={{ unitId: c.id }} search={yearSearch}>
                    {c.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(c.values["activities.count"] ?? 0)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.values["activities.attendees"] ?? 0)}</Table.Td>
              </Table.Tr>
            ))}
            {idle.length > 0 && (
              // Units with no activity tie: one rank for all of them, named on demand.
              <Table.Tr data-testid="idle-units">
                <Table.Td>{idle[0]!.rank}</Table.Td>
                <Table.Td colSpan={3}>
                  <details>
                    <summary>{t("dashboard.idle", { count: idle.length, year: dashboard.year })}</summary>
                    <Text component="p" size="sm" mt={4} className="td-break">
                      {idle.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && ", "}
                          <AnchorLink
                            to="/bang-dieu-khien/$unitId"
                            params={{ unitId: c.id }}
                            search={yearSearch}
                          >
                            {c.name}
                          </AnchorLink>
                        </span>
                      ))}
                    </Text>
                  </details>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
