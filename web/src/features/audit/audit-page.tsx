import "../../locales/register-console";
// Summaries name statuses and kinds with the words of these features.
import "../../locales/register-cases";
import "../../locales/register-commendations";
import "../../locales/register-hotspots";
import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import type { z } from "zod";
import type { AuditEventSchema, AuditPageSchema, AuditVerifyResultSchema } from "@toandan/contracts";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { AnchorLink } from "../../components/anchor-link";
import { eventSentence, rawData, recordPage, SUMMARY_NAMESPACES } from "./audit-summary";

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
  const events = useInfiniteQuery({
    queryKey: ["audit-events"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>("/audit-events", { query: { cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const verify = useMutation({ mutationFn: () => api<VerifyResult>("/audit-events/verify") });
  const columns = useColumns();

  return (
    <Stack gap="lg">
      <PageHeader title={t("audit.title")} />
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
        {verify.isError && <ErrorAlert error={verify.error} />}
      </div>
      <PagedList query={events} empty={t("audit.none")}>
        {(items) => (
          <DataTable
            label={t("audit.table")}
            minWidth={760}
            columns={columns}
            rows={items}
            rowKey={(e) => e.id}
          />
        )}
      </PagedList>
    </Stack>
  );
}

/** What happened, by whom, to what: one line of the chain. */
function useColumns(): Column<AuditEvent>[] {
  const { t } = useTranslation("console");
  return [
    { key: "id", header: "#", cell: (e) => formatNumber(e.id) },
    { key: "time", header: t("audit.time"), nowrap: true, cell: (e) => formatDateTime(e.occurredAt) },
    {
      key: "actor",
      header: t("audit.actor"),
      cell: (e) =>
        e.actorUsername
          ? t("audit.person", { name: e.actorDisplayName ?? e.actorUsername, username: e.actorUsername })
          : t("audit.system"),
    },
    { key: "details", header: t("audit.details"), cell: (e) => <Details event={e} /> },
  ];
}

/**
 * What happened as a sentence ("Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026."), a link
 * to the record, and the stored data under it.
 */
export function Details({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation(SUMMARY_NAMESPACES);
  const sentence = eventSentence(event, { t, lang: i18n.language === "en" ? "en" : "vi" });
  const hasData = Object.keys(event.data).length > 0;
  const page = recordPage(event);
  const what = t(`audit.entities.${event.entityType}` as "audit.entities.account", {
    defaultValue: event.entityType,
  });
  return (
    <div className="td-break">
      <Text size="sm">{sentence}</Text>
      {page && (
        <AnchorLink to={page.to as "/ho-gia-dinh/$id"} params={{ id: page.id }} size="sm">
          {t("audit.open", { what })}
        </AnchorLink>
      )}
      {hasData && (
        <details>
          <Text component="summary" size="xs" c="dimmed">
            {t("audit.rawData")}
          </Text>
          <Code block={false}>{rawData(event.data)}</Code>
        </details>
      )}
    </div>
  );
}
