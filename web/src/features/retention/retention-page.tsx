import "../../locales/register-console";
import "../../locales/register-retention";
import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import type { RetentionKind, RetentionRule, RetentionRun } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { ListPage } from "../../components/list-page";
import { QueryState } from "../../components/query-state";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { retentionRulesQuery, runRetention, updateRetentionRule } from "./api";

type Row = RetentionRun["items"][number];
type DueRecord = NonNullable<Row["records"]>[number] & { kind: RetentionKind };

/** A rule's period, and where the caller may change it, the field to do so. */
function PeriodCell({ rule, canUpdate }: { rule: RetentionRule; canUpdate: boolean }) {
  const { t } = useTranslation("retention");
  const qc = useQueryClient();
  const [value, setValue] = useState<number | string>(rule.periodMonths);
  const save = useMutation({
    mutationFn: (periodMonths: number) => updateRetentionRule(rule.kind, { periodMonths }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["retention"] }),
  });
  const issue = isApiError(save.error) ? save.error.issues?.[0]?.message : undefined;
  return (
    <Stack gap={4}>
      <Text size="sm">{t("months", { count: rule.periodMonths })}</Text>
      {!rule.periodConfirmed && (
        <Text size="xs" c="dimmed">
          {t("unconfirmed")}
        </Text>
      )}
      {canUpdate && (
        <Group gap={4} wrap="nowrap" align="flex-end">
          <NumberInput
            size="xs"
            w={90}
            min={0}
            allowDecimal={false}
            label={t("newPeriod")}
            value={value}
            onChange={setValue}
            error={issue}
          />
          <Button
            size="compact-sm"
            variant="light"
            loading={save.isPending}
            onClick={() => typeof value === "number" && save.mutate(value)}
          >
            {t("save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * The retention rules with their basis (officers and administrators), the dry run and the run for
 * those the server says may run them (`can.run`), and the period field where `can.update`.
 */
export function RetentionPage() {
  const { t } = useTranslation("retention");
  usePageTitle(t("title"));
  const qc = useQueryClient();
  const q = useQuery(retentionRulesQuery());
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => runRetention(dryRun),
    onSuccess: (r) => {
      setConfirming(false);
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: ["retention"] });
    },
  });
  return (
    <QueryState query={q}>
      {(list) => {
        const titleOf = (kind: RetentionKind) => list.items.find((r) => r.kind === kind)?.title ?? kind;
        const columns: Column<RetentionRule>[] = [
          {
            key: "rule",
            header: t("rule"),
            cell: (r) => (
              <Stack gap={2}>
                <Text fw={600} size="sm" className="td-break">
                  {r.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("countsFrom")}: {r.countsFrom}
                </Text>
              </Stack>
            ),
          },
          {
            key: "period",
            header: t("period"),
            cell: (r) => <PeriodCell rule={r} canUpdate={list.can.update} />,
          },
          {
            key: "removes",
            header: t("removes"),
            cell: (r) => <span className="td-break">{r.removes}</span>,
          },
          {
            key: "basis",
            header: t("basis"),
            cell: (r) => (
              <Text size="xs" className="td-break">
                {r.basis}
              </Text>
            ),
          },
          {
            key: "state",
            header: t("state"),
            cell: (r) => (
              <Stack gap={2}>
                <Badge variant="outline" radius="sm" color={r.enabled && r.automated ? "teal.9" : "gray.7"}>
                  {!r.enabled ? t("disabled") : r.automated ? t("automated") : t("manual")}
                </Badge>
                <Text size="xs" c="dimmed">
                  {r.lastRunOn ? t("lastRun", { date: formatDate(r.lastRunOn) }) : t("neverRun")}
                </Text>
              </Stack>
            ),
          },
        ];
        const resultColumns: Column<Row>[] = [
          {
            key: "rule",
            header: t("rule"),
            cell: (i) => <span className="td-break">{titleOf(i.kind)}</span>,
          },
          { key: "cutoff", header: t("cutoff"), cell: (i) => formatDate(i.cutoff), nowrap: true },
          {
            key: "due",
            header: t("due"),
            numeric: true,
            cell: (i) => (i.skipped ? t(`skipped.${i.skipped}`) : formatNumber(i.due)),
          },
          { key: "done", header: t("done"), numeric: true, cell: (i) => formatNumber(i.done) },
        ];
        const result = run.data;
        const dueRecords: DueRecord[] = (result?.dryRun ? result.items : []).flatMap((i) =>
          (i.records ?? []).map((r) => ({ ...r, kind: i.kind })),
        );
        const recordColumns: Column<DueRecord>[] = [
          {
            key: "rule",
            header: t("rule"),
            cell: (r) => <span className="td-break">{titleOf(r.kind)}</span>,
          },
          { key: "id", header: t("recordId"), cell: (r) => <code>{r.id}</code> },
          { key: "unit", header: t("unit"), cell: (r) => r.unitName },
        ];
        return (
          <ListPage
            title={t("title")}
            intro={t("intro")}
            actions={
              list.can.run && (
                <Group gap="xs">
                  <Button
                    variant="light"
                    loading={run.isPending && run.variables}
                    onClick={() => run.mutate(true)}
                  >
                    {t("dryRun")}
                  </Button>
                  <Button color="red.9" onClick={() => setConfirming(true)}>
                    {t("run")}
                  </Button>
                </Group>
              )
            }
          >
            {run.error && !confirming && <ErrorAlert error={run.error} />}
            {result && (
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {result.dryRun
                    ? t("dryRunTitle", { date: formatDate(result.runOn) })
                    : t("runTitleDone", { date: formatDate(result.runOn) })}
                </Title>
                {!result.dryRun && (
                  <Alert color="teal">{t("runDone", { date: formatDate(result.runOn) })}</Alert>
                )}
                <DataTable
                  label={t("resultLabel")}
                  columns={resultColumns}
                  rows={result.items}
                  rowKey={(i) => i.kind}
                />
                {result.dryRun && (
                  <>
                    <Title order={3} size="h5">
                      {t("dueRecordsTitle")}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t("dueRecordsNote")}
                    </Text>
                    {dueRecords.length === 0 ? (
                      <Text size="sm">{t("noDueRecords")}</Text>
                    ) : (
                      <DataTable
                        label={t("dueRecordsLabel")}
                        columns={recordColumns}
                        rows={dueRecords}
                        rowKey={(r) => `${r.kind}-${r.id}`}
                      />
                    )}
                  </>
                )}
              </Stack>
            )}
            <DataTable
              label={t("rulesLabel")}
              minWidth={900}
              columns={columns}
              rows={list.items}
              rowKey={(r) => r.kind}
            />
            <ConfirmDialog
              opened={confirming}
              onClose={() => setConfirming(false)}
              title={t("runTitle")}
              confirmLabel={t("run")}
              onConfirm={() => run.mutate(false)}
              pending={run.isPending}
              error={run.error}
              danger
            >
              {t("runConfirm")}
            </ConfirmDialog>
          </ListPage>
        );
      }}
    </QueryState>
  );
}
