import "../../locales/register-console";
import { Alert, Button, Code, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import type { z } from "zod";
import type { AuditEventSchema, AuditPageSchema, AuditVerifyResultSchema } from "@toandan/contracts";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { ScrollRegion } from "../../components/scroll-region";
import { formatDateTime, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";

type AuditEvent = z.infer<typeof AuditEventSchema>;
type AuditPage = z.infer<typeof AuditPageSchema>;
type VerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export function AuditPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("audit.title"));
  if (!can(user, "audit.read")) return <NotFoundContent />;
  return <Audit />;
}

/** The server states its reason in English words; the UI names it in the user's language. */
function reasonKey(reason: string | null) {
  if (!reason) return "unknown" as const;
  if (reason.includes("missing")) return "missing" as const;
  if (reason.includes("prev_hash")) return "prevHash" as const;
  if (reason.includes("content")) return "content" as const;
  return "unknown" as const;
}

function Audit() {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const events = useInfiniteQuery({
    queryKey: ["audit-events"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>("/audit-events", { query: { cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const verify = useMutation({ mutationFn: () => api<VerifyResult>("/audit-events/verify") });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t("audit.title")}</Title>
      <Text c="dimmed">{t("audit.intro")}</Text>
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {t("audit.verify")}
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.data &&
          (verify.data.ok ? (
            <Alert color="green" variant="outline" role="status" data-testid="verify-result">
              {t("audit.verifyOk", { n: formatNumber(verify.data.checked) })}
            </Alert>
          ) : (
            <Alert color="red" variant="outline" role="alert" data-testid="verify-result">
              {t("audit.verifyBad", {
                id: verify.data.firstBadId ?? "?",
                n: formatNumber(verify.data.checked),
                reason: t(`audit.reasons.${reasonKey(verify.data.reason)}`),
              })}
            </Alert>
          ))}
        {verify.isError && (
          <Alert color="red" variant="outline" role="alert">
            {errorText(tp, verify.error)}
          </Alert>
        )}
      </div>
      {events.isPending ? (
        <Loader aria-label={t("common.loading")} />
      ) : events.isError ? (
        <Alert color="red" variant="outline" role="alert">
          {errorText(tp, events.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("audit.none")}</Text>
      ) : (
        <ScrollRegion label={t("audit.table")}>
          <Table striped miw={760} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">{t("audit.time")}</Table.Th>
                <Table.Th scope="col">{t("audit.actor")}</Table.Th>
                <Table.Th scope="col">{t("audit.action")}</Table.Th>
                <Table.Th scope="col">{t("audit.entity")}</Table.Th>
                <Table.Th scope="col">{t("audit.details")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <EventRow key={e.id} event={e} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {events.hasNextPage && (
        <div>
          <Button
            variant="default"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation("console");
  const data = Object.entries(event.data);
  return (
    <Table.Tr>
      <Table.Td>{formatNumber(event.id)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(event.occurredAt)}</Table.Td>
      <Table.Td>{event.actorUsername ?? t("audit.system")}</Table.Td>
      <Table.Td>{t(`audit.actions.${event.action}`)}</Table.Td>
      <Table.Td>
        {t(`audit.entities.${event.entityType}` as "audit.entities.account", {
          defaultValue: event.entityType,
        })}
        {event.entityId && (
          <Text component="span" size="xs" c="dimmed">
            {" "}
            {event.entityId.slice(0, 8)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {data.length > 0 && (
          <Code block={false} className="td-break">
            {data.map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ")}
          </Code>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
