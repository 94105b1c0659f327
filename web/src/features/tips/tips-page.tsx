import "../../locales/register-console";
import "../../locales/register-intake";
import { Badge, Checkbox, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { TIP_CATEGORY_LABELS, TIP_CHANNEL_LABELS, TIP_STATUS_LABELS, TIP_STATUSES } from "@toandan/contracts";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { FilterPanel } from "../../components/list-page";
import { PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { tipCountsQuery, tipListQuery, type TipPage } from "./api";
import { ClockBadges } from "./clock-badges";
import { useLabels } from "../../lib/citizen-labels";

/** The police inbox of tips; other accounts with tip.stats see counts only. */
export function TipsPage() {
  const user = useCurrentUser();
  const L = useLabels();
  usePageTitle(L.tipsTitle);
  if (!can(user, "tip.stats")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <Title order={1}>{L.tipsTitle}</Title>
      <InboxIfPolice />
      <Counts />
    </Stack>
  );
}

/** The inbox shows when the server says the caller is police with tips routed to its units. */
function InboxIfPolice() {
  const q = useQuery(tipCountsQuery);
  return q.data?.can.inbox ? <Inbox /> : null;
}

type TipSummary = TipPage["items"][number];

function hourText(h: string) {
  const [d, hh] = h.split("T");
  return `${d!.split("-").reverse().join("/")} ${hh}h`;
}

function Inbox() {
  const L = useLabels();
  const { i18n } = useTranslation();
  const { t: ti } = useTranslation("intake");
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const [status, setStatus] = useState("");
  const [overdue, setOverdue] = useState(false);
  const query = useInfiniteQuery(
    tipListQuery({ status: status || undefined, overdue: overdue ? "true" : undefined }),
  );
  const columns: Column<TipSummary>[] = [
    {
      key: "code",
      header: L.code,
      cell: (tip) => (
        <>
          <AnchorLink
            to="/tin-bao/$id"
            params={{ id: tip.id }}
            ff="monospace"
            style={{ whiteSpace: "nowrap" }}
          >
            {tip.code}
          </AnchorLink>
          {tip.awaitingReply && (
            <Badge ml={6} color="blue" tt="none">
              {L.awaiting}
            </Badge>
          )}
        </>
      ),
    },
    { key: "received", header: L.received, cell: (tip) => hourText(tip.receivedHour) },
    { key: "category", header: L.category, cell: (tip) => TIP_CATEGORY_LABELS[tip.category][lang] },
    { key: "channel", header: ti("intake.channel"), cell: (tip) => TIP_CHANNEL_LABELS[tip.channel][lang] },
    { key: "unit", header: L.unit, cell: (tip) => tip.orgUnitName },
    {
      key: "urgency",
      header: L.urgency,
      cell: (tip) => (tip.urgency ? (tip.urgency === "urgent" ? L.urgent : L.normal) : L.untriaged),
    },
    { key: "status", header: L.status, cell: (tip) => TIP_STATUS_LABELS[tip.status][lang] },
    { key: "clocks", header: L.clocks, cell: (tip) => <ClockBadges clocks={tip.clocks} /> },
  ];
  return (
    <Stack gap="sm">
      <Text>{L.inboxIntro}</Text>
      <FilterPanel id="tip-filters">
        <NativeSelect
          label={L.status}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: "", label: L.allStatuses },
            ...TIP_STATUSES.map((s) => ({ value: s, label: TIP_STATUS_LABELS[s][lang] })),
          ]}
        />
        <Checkbox
          mt="lg"
          label={L.overdueOnly}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
        />
      </FilterPanel>
      <PagedList query={query} empty={L.none} loadMoreLabel={L.more}>
        {(items) => (
          <DataTable
            label={L.tipsTitle}
            minWidth={800}
            columns={columns}
            rows={items}
            rowKey={(tip) => tip.id}
          />
        )}
      </PagedList>
    </Stack>
  );
}

function Counts() {
  const L = useLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const q = useQuery(tipCountsQuery);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader size="sm" />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tip-counts">
      <Title order={2} size="h3" id="tip-counts">
        {L.countsTitle}
      </Title>
      <Text size="sm" mb="sm">
        {/* One rule, said as applied: the police see exact counts; others see 1–4 as "<5". */}
        {q.data.can.inbox ? L.countsIntroExact : L.countsIntro}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={L.tipsTitle} value={q.data.total.display} />
        <Stat label={L.overdueCount} value={q.data.overdue.display} />
        {q.data.byStatus.map((s) => (
          <Stat key={s.status} label={TIP_STATUS_LABELS[s.status][lang]} value={s.count.display} />
        ))}
        {/* Web tips and reports recorded by staff, counted alike (CPC Art. 144–146). */}
        {q.data.byChannel.map((c) => (
          <Stat key={c.channel} label={TIP_CHANNEL_LABELS[c.channel][lang]} value={c.count.display} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </div>
  );
}
