import "../../locales/register-console";
import { Alert, Button, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import type { IndicatorCode, Report } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ScrollRegion } from "../../components/scroll-region";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { EXPORT_FORMATS, exportUrl, reportPeriodText, reportQuery } from "./api";
import { CompileAction, CompletenessPanel } from "./report-compile";
import { ReportDialog, useDialog } from "./report-dialogs";
import { ReportEditForm, ReportText } from "./report-form";
import { ReportStatusBadge } from "./status-badge";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReportPage() {
  const { id } = useParams({ from: "/console/bao-cao/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("reports");
  const valid = UUID.test(id) && can(user, "report.read");
  const query = useQuery({ ...reportQuery(id), enabled: valid });
  usePageTitle(query.data ? t(`reports.templates.${query.data.template}`) : t("reports.title"));
  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/bao-cao" size="sm">
        {t("report.back")}
      </AnchorLink>
      <QueryState query={query}>{(report) => <ReportView report={report} />}</QueryState>
    </Stack>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation("reports");
  const latest = report.comments.at(-1);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {t("report.heading", {
            template: t(`reports.templates.${report.template}`),
            unit: report.orgUnitName,
          })}
        </Title>
        <Group gap="sm" wrap="wrap">
          <ReportStatusBadge status={report.status} />
          <Text size="sm" c="dimmed">
            {t("report.period", { period: reportPeriodText(report, i18n.language) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("report.cutOff", { date: formatDate(report.cutOff) })}
          </Text>
        </Group>
        <Text className="td-break">{report.subject}</Text>
      </Stack>
      {report.status === "returned" && latest && (
        <Alert color="#a63a0b" variant="outline" role="status">
          {t("report.returnedNote", { comment: latest.text })}
        </Alert>
      )}
      <StatusNotes report={report} />
      <Actions report={report} />
      <CompletenessPanel report={report} />
      <CompileAction report={report} />
      {report.can.edit ? (
        // A new compilation rewrites the sections: the form starts again from them.
        <ReportEditForm key={`${report.id}-${report.compiled?.compiledAt ?? ""}`} report={report} />
      ) : (
        <ReportText report={report} />
      )}
      <Figures report={report} />
      <Section title={t("report.history")} id="history">
        {report.comments.length === 0 ? (
          <Text c="dimmed">{t("report.noComments")}</Text>
        ) : (
          <List spacing="sm">
            {report.comments.map((c, i) => (
              <List.Item key={`${c.at}-${i}`}>
                <Text size="sm" c="dimmed">
                  {t("report.commentBy", { by: c.by, at: formatDateTime(c.at) })}
                </Text>
                <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
                  {c.text}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

function StatusNotes({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  const notes: string[] = [];
  if (report.status === "submitted") notes.push(t("report.sentNote"));
  if (report.status === "approved") notes.push(t("report.approvedNote"));
  if (report.lock && !report.lock.unlockedAt) {
    notes.push(
      t("report.locked", {
        from: formatDate(report.lock.periodFrom),
        to: formatDate(report.lock.periodTo),
        at: formatDateTime(report.lock.lockedAt),
      }),
    );
  }
  if (report.lock?.unlockedAt) {
    notes.push(
      t("report.unlocked", {
        at: formatDateTime(report.lock.unlockedAt),
        reason: report.lock.unlockReason ?? "",
      }),
    );
  }
  if (notes.length === 0) return null;
  return (
    <Alert color="blue.9" variant="outline" role="status">
      {notes.join(" ")}
    </Alert>
  );
}

/** Downloads for everyone who reads the report; return, approve and unlock for the level above. */
function Actions({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  const dialog = useDialog();
  const review = report.can.review;
  const reviewing = review || report.can.unlock;
  return (
    <Section title={reviewing ? t("report.actions") : t("report.downloads")} id="actions">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" role="group" aria-label={t("report.downloads")}>
          {EXPORT_FORMATS.map((f) => (
            <Button key={f} component="a" href={exportUrl(report.id, f)} download variant="default">
              {t(`report.download.${f}`)}
            </Button>
          ))}
        </Group>
        {reviewing && (
          <Group gap="sm" wrap="wrap">
            {review && (
              <>
                <Button onClick={() => dialog.show("approve")}>{t("report.approve")}</Button>
                <Button variant="outline" color="red.8" onClick={() => dialog.show("return")}>
                  {t("report.return")}
                </Button>
              </>
            )}
            {report.can.unlock && (
              <Button variant="outline" onClick={() => dialog.show("unlock")}>
                {t("report.unlock")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ReportDialog report={report} dialog={dialog} />
    </Section>
  );
}

function Figures({ report }: { report: Report }) {
  const { t, i18n } = useTranslation("reports");
  const indicators = useQuery(indicatorsQuery).data?.items;
  const value = (f: Report["figures"][number]) =>
    f.suppressed
      ? t("report.underThreshold")
      : f.value === null
        ? t("report.noData")
        : f.unit === "rate"
          ? formatPercent(f.value)
          : formatNumber(f.value);
  const unitText = (u: string) =>
    u === "rate" || u === "count" || u === "hours" ? t(`report.units.${u}`) : u;
  return (
    <Section title={t("report.figures")} id="figures">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("report.figuresHint")}
        </Text>
        <ScrollRegion label={t("report.figuresTable")}>
          <Table striped miw={320} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("report.col.label")}</Table.Th>
                <Table.Th scope="col">{t("report.col.unit")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("report.col.value")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.figures.map((f) => (
                <Table.Tr key={f.code}>
                  <Table.Td className="td-break">
                    {indicators ? indicatorName(indicators, f.code as IndicatorCode, i18n.language) : f.label}
                  </Table.Td>
                  <Table.Td>{unitText(f.unit)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {value(f)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Stack>
    </Section>
  );
}
