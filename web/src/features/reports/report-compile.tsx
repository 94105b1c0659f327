// The level below on a report's page: which units have reported for the period (the completeness
// panel the official acts on), and "Tổng hợp từ báo cáo cấp dưới" into the report being written.
import { Alert, Badge, Button, List, Stack, Text } from "@mantine/core";
import type { Report, ReportCompleteness } from "@toandan/contracts";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { AnchorLink } from "../../components/anchor-link";
import { ErrorAlert } from "../../components/error-alert";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { formatDate, formatDateTime } from "../../lib/format";
import { useReportUpdated } from "./report-dialogs";

export function completenessQuery(id: string) {
  return queryOptions({
    queryKey: ["report", id, "completeness"],
    queryFn: ({ signal }) => api<ReportCompleteness>(`/reports/${id}/completeness`, { signal }),
  });
}

type Child = ReportCompleteness["children"][number];
const STATE_COLOR: Record<Child["state"], string> = {
  approved: "teal.9",
  submitted: "blue.9",
  in_progress: "gray.8",
  missing: "red.9",
};

const FOLD_AFTER = 10;

function Collapsible({
  folded,
  summary,
  children,
}: {
  folded: boolean;
  summary: string;
  children: ReactNode;
}) {
  if (!folded) {
    return <>{children}</>;
  }
  return (
    <details>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** The units below and where each stands; hidden when the unit has no level below. */
export function CompletenessPanel({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  const query = useQuery(completenessQuery(report.id));
  if (query.data && query.data.total === 0) return null;
  return (
    <Section title={t("compile.completeness")} id="completeness">
      <QueryState query={query}>
        {(c) => {
          const waiting = c.children.filter((x) => x.state === "in_progress" || x.state === "missing");
          return (
            <Stack gap="sm">
              <Text fw={600}>
                {t("compile.summary", { sent: c.approved + c.submitted, total: c.total })}
                {waiting.length > 0 &&
                  ` ${t(waiting.length > FOLD_AFTER ? "compile.notSentFirst" : "compile.notSent", {
                    count: waiting.length,
                    more: waiting.length - FOLD_AFTER,
                    names: waiting
                      .slice(0, FOLD_AFTER)
                      .map((x) => x.orgUnitName)
                      .join(", "),
                  })}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t("compile.counts", {
                  approved: c.approved,
                  submitted: c.submitted,
                  late: c.late,
                  due: formatDate(c.dueOn),
                })}
              </Text>
              {/* A province has dozens of communes: the list folds away so the report stays within reach. */}
              <Collapsible
                folded={c.children.length > FOLD_AFTER}
                summary={t("compile.unitList", { count: c.children.length })}
              >
                <List spacing={6} listStyleType="none" p={0}>
                  {c.children.map((x) => (
                    <List.Item key={x.orgUnitId}>
                      <Stack gap={2}>
                        <Text className="td-break">
                          {x.reportId ? (
                            <AnchorLink to="/bao-cao/$id" params={{ id: x.reportId }}>
                              {x.orgUnitName}
                            </AnchorLink>
                          ) : (
                            x.orgUnitName
                          )}
                        </Text>
                        <Text size="sm" component="div">
                          <Badge color={STATE_COLOR[x.state]} variant="outline" mr={6}>
                            {t(`compile.state.${x.state}`)}
                          </Badge>
                          {x.submittedOn && t("compile.sentOn", { date: formatDate(x.submittedOn) })}
                          {x.late ? (
                            <Badge color="red.9" variant="filled" ml={6}>
                              {t("compile.late")}
                            </Badge>
                          ) : (
                            x.submittedOn && (
                              <Badge color="teal.9" variant="light" ml={6}>
                                {t("compile.onTime")}
                              </Badge>
                            )
                          )}
                        </Text>
                      </Stack>
                    </List.Item>
                  ))}
                </List>
              </Collapsible>
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}

/** "Tổng hợp từ báo cáo cấp dưới": for an editable report; shows when it was last compiled. */
export function CompileAction({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  const updated = useReportUpdated();
  const compile = useMutation({
    mutationFn: () => api<Report>(`/reports/${report.id}/compile`, { method: "POST" }),
    onSuccess: updated,
  });
  const annex = report.compiled;
  if (!report.can.edit && !annex) return null;
  return (
    <Stack gap="xs">
      {report.can.edit && (
        <>
          <Button
            variant="default"
            onClick={() => compile.mutate()}
            loading={compile.isPending}
            fullWidth={false}
          >
            {t("compile.action")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("compile.hint")}
          </Text>
        </>
      )}
      {compile.isError && <ErrorAlert error={compile.error} />}
      {annex && (
        <Alert color="blue.9" variant="outline" role="status">
          {t("compile.done", {
            at: formatDateTime(annex.compiledAt),
            by: annex.compiledBy,
            count: annex.children.length,
          })}
        </Alert>
      )}
    </Stack>
  );
}
