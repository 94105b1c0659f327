import "../../locales/register-console";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
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
import { TIP_CATEGORY_LABELS, TIP_STATUS_LABELS, TIP_STATUSES } from "@toandan/contracts";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { tipCountsQuery, tipListQuery } from "./api";
import { ClockBadges } from "./clock-badges";
import { useLabels } from "./labels";

/** The police inbox of tips; other accounts with tip.stats see counts only. */
export function TipsPage() {
  const user = useCurrentUser();
  const L = useLabels();
  usePageTitle(L.tipsTitle);
  if (!can(user, "tip.stats")) return <NotFoundContent />;
  const police = can(user, "tip.handle") && user.roles.some((r) => r.body === "police");
  return (
    <Stack gap="lg">
      <Title order={1}>{L.tipsTitle}</Title>
      {police && <Inbox />}
      <Counts />
    </Stack>
  );
}

function hourText(h: string) {
  const [d, hh] = h.split("T");
  return `${d!.split("-").reverse().join("/")} ${hh}h`;
}

function Inbox() {
  const L = useLabels();
  const { t, i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const [status, setStatus] = useState("");
  const [overdue, setOverdue] = useState(false);
  const query = useInfiniteQuery(
    tipListQuery({ status: status || undefined, overdue: overdue ? "true" : undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Text>{L.inboxIntro}</Text>
      <Group>
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
      </Group>
      {query.isPending && <Loader size="sm" />}
      {query.isError && <Alert color="red">{errorText(t, query.error)}</Alert>}
      {query.isSuccess && items.length === 0 && <Text>{L.none}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.code}</Table.Th>
                <Table.Th>{L.received}</Table.Th>
                <Table.Th>{L.category}</Table.Th>
                <Table.Th>{L.unit}</Table.Th>
                <Table.Th>{L.urgency}</Table.Th>
                <Table.Th>{L.status}</Table.Th>
                <Table.Th>{L.clocks}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tip) => (
                <Table.Tr key={tip.id}>
                  <Table.Td>
                    <AnchorLink to="/tin-bao/$id" params={{ id: tip.id }} ff="monospace">
                      {tip.code}
                    </AnchorLink>
                    {tip.awaitingReply && (
                      <Badge ml={6} color="blue" tt="none">
                        {L.awaiting}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{hourText(tip.receivedHour)}</Table.Td>
                  <Table.Td>{TIP_CATEGORY_LABELS[tip.category][lang]}</Table.Td>
                  <Table.Td>{tip.orgUnitName}</Table.Td>
                  <Table.Td>
                    {tip.urgency ? (tip.urgency === "urgent" ? L.urgent : L.normal) : L.untriaged}
                  </Table.Td>
                  <Table.Td>{TIP_STATUS_LABELS[tip.status][lang]}</Table.Td>
                  <Table.Td>
                    <ClockBadges clocks={tip.clocks} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {L.more}
        </Button>
      )}
    </Stack>
  );
}

function Counts() {
  const L = useLabels();
  const { t, i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const q = useQuery(tipCountsQuery);
  if (q.isError) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!q.data) return <Loader size="sm" />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tip-counts">
      <Title order={2} size="h3" id="tip-counts">
        {L.countsTitle}
      </Title>
      <Text size="sm" mb="sm">
        {L.countsIntro}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={L.tipsTitle} value={q.data.total.display} />
        <Stat label={L.overdue} value={q.data.overdue.display} />
        {q.data.byStatus.map((s) => (
          <Stat key={s.status} label={TIP_STATUS_LABELS[s.status][lang]} value={s.count.display} />
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
