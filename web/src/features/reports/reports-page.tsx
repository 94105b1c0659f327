import "../../locales/register-console";
import { Button, Group, NativeSelect, Paper, Stack, Tabs, Text } from "@mantine/core";
import { REPORT_STATUSES, type ReportStatus } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel } from "../../components/list-page";
import { PageHeader } from "../../components/page-header";
import { ListToolbar, PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { reportListQuery, reportPeriodText, type ReportListParams } from "./api";
import { ReportStatusBadge } from "./status-badge";

export function ReportsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("reports");
  usePageTitle(t("reports.title"));
  if (!can(user, "report.read")) return <NotFoundContent />;
  return <Reports />;
}

const YEARS = Array.from({ length: 8 }, (_, i) => currentYear() + 1 - i);

function Reports() {
  const { t } = useTranslation("reports");
  const user = useCurrentUser();
  const approver = can(user, "report.approve");
  // Whether the caller may compose a report somewhere in scope: the server says so with the list.
  const all = useInfiniteQuery(reportListQuery({}));
  const mayCreate = all.data?.pages[0]?.can.create ?? false;
  const filters = useFilters();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("reports.title")}
        actions={
          mayCreate && (
            <Button component={Link} to="/bao-cao/moi">
              {t("reports.create")}
            </Button>
          )
        }
      />
      {approver ? <ReviewerTabs filters={filters} /> : <MyReports filters={filters} />}
    </Stack>
  );
}

const AWAITING: ReportListParams = { awaiting: true };

/**
 * An approver's two lists. The page opens on the reports waiting for the user's review when there
 * are any, and the tab says how many.
 */
function ReviewerTabs({ filters }: { filters: Filters }) {
  const { t } = useTranslation("reports");
  const awaiting = useInfiniteQuery(reportListQuery(AWAITING));
  const mine = useInfiniteQuery(reportListQuery(filters.params));
  const listed = countOf(mine.data?.pages);
  const first = awaiting.data?.pages[0];
  const waiting = countOf(awaiting.data?.pages);
  const [tab, setTab] = useState<string | null>(null);
  // Until the user picks a tab: the waiting reports if there are any, else their own.
  const shown = tab ?? (waiting > 0 ? "awaiting" : "mine");
  if (awaiting.isPending) return null;
  const more = first?.nextCursor ? "+" : "";
  const moreMine = mine.data?.pages.at(-1)?.nextCursor ? "+" : "";
  return (
    <Tabs value={shown} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="mine">
          {mine.data ? t("reports.tabs.mineCount", { n: `${listed}${moreMine}` }) : t("reports.tabs.mine")}
        </Tabs.Tab>
        <Tabs.Tab value="awaiting">
          {waiting > 0
            ? t("reports.tabs.awaitingCount", { n: `${waiting}${more}` })
            : t("reports.tabs.awaiting")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mine" pt="md">
        <MyReports filters={filters} />
      </Tabs.Panel>
      <Tabs.Panel value="awaiting" pt="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("reports.awaitingHint")}
          </Text>
          <ReportList params={AWAITING} label={t("reports.awaitingList")} empty={t("reports.noneAwaiting")} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

const countOf = (pages: { items: unknown[] }[] | undefined) =>
  pages?.reduce((n, p) => n + p.items.length, 0) ?? 0;

/** The list filters: the user's own unit by default (empty: all in scope), any year and status. */
function useFilters() {
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [year, setYear] = useState("");
  const [status, setStatus] = useState("");
  const params: ReportListParams = {
    orgUnitId: unitId ?? undefined,
    year: year ? Number(year) : undefined,
    status: (status || undefined) as ReportStatus | undefined,
  };
  return { unitId, setUnitId, year, setYear, status, setStatus, params };
}
type Filters = ReturnType<typeof useFilters>;

/** The reports of a unit (the user's own by default; empty: all in scope), by year and status. */
function MyReports({ filters }: { filters: Filters }) {
  const { t } = useTranslation("reports");
  const { unitId, setUnitId, year, setYear, status, setStatus, params } = filters;
  return (
    <Stack gap="md">
      <FilterPanel id="report-filters" label={t("reports.filters")}>
        <div style={{ flex: "1 1 260px", maxWidth: 480 }}>
          <UnitField
            label={t("reports.unit")}
            description={t("reports.unitHint")}
            value={unitId}
            onChange={setUnitId}
          />
        </div>
        <NativeSelect
          label={t("reports.year")}
          w={{ base: "100%", xs: 160 }}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={[{ value: "", label: t("reports.anyYear") }, ...YEARS.map((y) => String(y))]}
        />
        <NativeSelect
          label={t("reports.status")}
          w={{ base: "100%", xs: 220 }}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: "", label: t("reports.anyStatus") },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.statuses.${s}`) })),
          ]}
        />
      </FilterPanel>
      <ReportList params={params} label={t("reports.list")} empty={t("reports.none")} />
    </Stack>
  );
}

function ReportList({ params, label, empty }: { params: ReportListParams; label: string; empty: string }) {
  const { t, i18n } = useTranslation("reports");
  const query = useInfiniteQuery(reportListQuery(params));
  return (
    <PagedList
      query={query}
      empty={empty}
      loadMoreLabel={t("reports.loadMore")}
      toolbar={(items) => <ListToolbar count={t("reports.count", { n: items.length })} />}
    >
      {(items) => (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={label}>
          {items.map((r) => (
            <Paper key={r.id} withBorder p="sm" component="li">
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                  <Text size="sm" fw={600}>
                    {t(`reports.templates.${r.template}`)} ·{" "}
                    {r.number
                      ? t("reports.numberSymbol", { number: r.number, symbol: r.symbol })
                      : t("reports.noNumber", { symbol: r.symbol })}
                  </Text>
                  <ReportStatusBadge status={r.status} />
                </Group>
                <AnchorLink to="/bao-cao/$id" params={{ id: r.id }} fw={700} className="td-break">
                  {r.subject}
                </AnchorLink>
                <Text size="sm" c="dimmed" className="td-break">
                  {t("reports.meta", {
                    unit: r.orgUnitName,
                    period: reportPeriodText(r, i18n.language),
                    date: formatDate(r.issuedOn),
                  })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </PagedList>
  );
}
