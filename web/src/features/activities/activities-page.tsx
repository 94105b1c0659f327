import "../../locales/register-console";
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_KINDS,
  ACTIVITY_TOPICS,
  BODY_KINDS,
  type Activity,
  type ActivityChannel,
  type ActivityKind,
  type ActivityTopic,
  type BodyKind,
  todayInVietnam,
} from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { ListToolbar } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton, ExportXlsxLink } from "../../components/export-button";
import { PeriodFilter } from "../../components/period-filter";
import { defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { activityListQuery, type ActivityFilters } from "./api";
import { TotalsPanel } from "./totals-panel";

export function ActivitiesPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("activities.title"));
  if (!can(user, "activity.read")) return <NotFoundContent />;
  return <Activities />;
}

function Activities() {
  const { t } = useTranslation("console");
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({
    from: `${todayInVietnam().slice(0, 4)}-01-01`,
    to: todayInVietnam(),
  });
  const [kind, setKind] = useState<ActivityKind | "">("");
  const [topic, setTopic] = useState<ActivityTopic | "">("");
  const [channel, setChannel] = useState<ActivityChannel | "">("");
  const [bodyKind, setBodyKind] = useState<BodyKind | "">("");
  const [tagText, setTagText] = useState("");
  const [tag] = useDebouncedValue(tagText.trim().slice(0, 50), 300);
  const periodBad = Boolean(period.from && period.to && period.from > period.to);
  const filters: ActivityFilters = {
    orgUnitId: unitId ?? undefined,
    from: period.from,
    to: period.to,
    kind: kind || undefined,
    topic: topic || undefined,
    channel: channel || undefined,
    bodyKind: bodyKind || undefined,
    tag: tag || undefined,
  };
  const query = useInfiniteQuery({ ...activityListQuery(filters), enabled: !periodBad });

  return (
    <ListPage
      title={t("activities.title")}
      actions={
        <Group gap="xs">
          <Button component={Link} to="/ngay-hoi" variant="default">
            {t("activities.festivals")}
          </Button>
          {query.data?.pages[0]?.can.create && (
            <Button component={Link} to="/hoat-dong/moi">
              {t("activities.create")}
            </Button>
          )}
        </Group>
      }
      filters={
        <FilterPanel id="activity-filters" title={t("activities.filters")}>
          <UnitField value={unitId} onChange={setUnitId} />
          <PeriodFilter value={period} onChange={setPeriod} />
          {periodBad && (
            <Text c="red.8" size="sm" role="alert">
              {t("activities.periodOrder")}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <NativeSelect
              label={t("activities.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as ActivityKind | "")}
              data={[
                { value: "", label: t("common.all") },
                ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) })),
              ]}
            />
            <NativeSelect
              label={t("activities.topic")}
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value as ActivityTopic | "")}
              data={[
                { value: "", label: t("common.all") },
                ...ACTIVITY_TOPICS.map((k) => ({ value: k, label: t(`activityTopics.${k}`) })),
              ]}
            />
            <NativeSelect
              label={t("activities.channel")}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as ActivityChannel | "")}
              data={[
                { value: "", label: t("common.all") },
                ...ACTIVITY_CHANNELS.map((k) => ({ value: k, label: t(`activityChannels.${k}`) })),
              ]}
            />
            <NativeSelect
              label={t("activities.bodyKind")}
              value={bodyKind}
              onChange={(e) => setBodyKind(e.currentTarget.value as BodyKind | "")}
              data={[
                { value: "", label: t("common.all") },
                ...BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.${k}`) })),
              ]}
            />
            <TextInput
              type="search"
              label={t("activities.tag")}
              value={tagText}
              maxLength={50}
              onChange={(e) => setTagText(e.currentTarget.value)}
            />
          </SimpleGrid>
        </FilterPanel>
      }
    >
      {unitId && period.from && period.to && !periodBad && (
        <Section title={t("activityTotals.title")} id="activity-totals">
          <TotalsPanel
            orgUnitId={unitId}
            from={period.from}
            to={period.to}
            kind={filters.kind}
            topic={filters.topic}
            channel={filters.channel}
            bodyKind={filters.bodyKind}
          />
        </Section>
      )}

      <ListSection
        title={t("activities.list")}
        id="activity-list"
        query={query}
        empty={t("activities.none")}
        toolbar={(items) => (
          <ListToolbar count={t("common.count", { n: formatNumber(items.length) })}>
            <ExportCsvButton
              name="hoat-dong"
              header={activityCsvHeader(t)}
              rows={() => items.map((a) => activityCsvRow(t, a))}
            />
            <ExportXlsxLink path="/activities" query={filters} />
          </ListToolbar>
        )}
      >
        {(items) => (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((a) => (
              <ActivityCard key={a.id} activity={a} />
            ))}
          </Stack>
        )}
      </ListSection>
    </ListPage>
  );
}

type ConsoleT = ReturnType<typeof useTranslation<"console">>["t"];

function activityCsvHeader(t: ConsoleT) {
  return [
    t("activityForm.date"),
    t("activities.kind"),
    t("activityForm.title"),
    t("activityForm.unit"),
    t("activityForm.organizers"),
    t("activities.topics"),
    t("activities.channels"),
    t("activities.tags"),
    t("figures.attendees"),
    t("figures.households"),
    t("figures.students"),
    t("figures.leaflets"),
    t("figures.panels"),
    t("figures.slogans"),
    t("figures.broadcastItems"),
    t("figures.broadcastHours"),
  ];
}

function activityCsvRow(t: ConsoleT, a: Activity) {
  return [
    formatDate(a.date),
    t(`activityKinds.${a.kind}`),
    a.title ?? "",
    a.orgUnitName,
    a.organizers.map((o) => o.name).join("; "),
    a.topics.map((x) => t(`activityTopics.${x}`)).join("; "),
    a.channels.map((x) => t(`activityChannels.${x}`)).join("; "),
    a.tags.join("; "),
    formatNumber(a.attendees),
    formatNumber(a.households),
    formatNumber(a.students),
    formatNumber(a.leaflets),
    formatNumber(a.panels),
    formatNumber(a.slogans),
    formatNumber(a.broadcastItems),
    formatNumber(a.broadcastHours),
  ];
}

function ActivityCard({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation("console");
  const figures = (["attendees", "households", "students", "leaflets"] as const).filter((f) => a[f] > 0);
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{formatDate(a.date)}</Text>
          <AnchorLink to="/hoat-dong/$id" params={{ id: a.id }} fw={600} className="td-break">
            {a.title ?? t(`activityKinds.${a.kind}`)}
          </AnchorLink>
        </Group>
        <Text size="sm" className="td-break">
          {t("activities.cardMeta", {
            kind: t(`activityKinds.${a.kind}`),
            unit: a.orgUnitName,
          })}
        </Text>
        <Text size="sm" c="dimmed" className="td-break">
          {t("activities.organizedBy", { bodies: a.organizers.map((o) => o.name).join(", ") })}
        </Text>
        {(a.topics.length > 0 || a.tags.length > 0) && (
          <Group gap={4} wrap="wrap">
            {a.topics.map((x) => (
              <Badge key={x} variant="outline" color="brand.8" radius="sm" style={{ textTransform: "none" }}>
                {t(`activityTopics.${x}`)}
              </Badge>
            ))}
            {a.tags.map((x) => (
              <Badge key={x} variant="outline" color="gray.8" radius="sm" style={{ textTransform: "none" }}>
                #{x}
              </Badge>
            ))}
          </Group>
        )}
        {figures.length > 0 && (
          <Text size="sm">
            {figures.map((f) => `${t(`figures.${f}`)}: ${formatNumber(a[f])}`).join(" · ")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
