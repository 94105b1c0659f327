import "../../locales/register-console";
import "../../locales/register-calendar";
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import {
  CALENDAR_CONFIDENCE_LABELS,
  CALENDAR_CONFIDENCES,
  CALENDAR_DAY_KIND_LABELS,
  CALENDAR_DAY_KINDS,
  currentYearInVietnam,
  type Holiday,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable, type Column } from "../../components/data-table";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { ListPage } from "../../components/list-page";
import { QueryState } from "../../components/query-state";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, parseVnDate } from "../../lib/format";
import { issuesByField } from "../../lib/forms";
import { deleteHoliday, holidaysQuery, upsertHoliday } from "./api";

type Kind = Holiday["kind"];
type Confidence = Holiday["confidence"];
type Draft = { date: string; kind: Kind; name: string; confidence: Confidence; source: string };
const EMPTY: Draft = { date: "", kind: "day_off", name: "", confidence: "official", source: "" };
type Field = "date" | "kind" | "name" | "confidence" | "source";

/**
 * The holidays table every working-day clock counts with. Shown to those the server says may
 * change it (`listHolidays` → can.manage: national system administrators).
 */
export function HolidaysPage() {
  const { t, i18n } = useTranslation("calendar");
  const lang = i18n.language === "en" ? "en" : "vi";
  usePageTitle(t("holidays.title"));
  const qc = useQueryClient();
  const thisYear = currentYearInVietnam();
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const [reason, setReason] = useState("");
  const q = useQuery(holidaysQuery(year));
  const refresh = () => qc.invalidateQueries({ queryKey: ["calendar"] });
  const save = useMutation({
    mutationFn: (d: Draft & { iso: string }) =>
      upsertHoliday(d.iso, {
        kind: d.kind,
        name: d.name,
        confidence: d.confidence,
        ...(d.source.trim() ? { source: d.source.trim() } : {}),
      }),
    onSuccess: (h) => {
      setDone(t("holidays.saved", { date: formatDate(h.date) }));
      setDraft(EMPTY);
      setIssues({});
      void refresh();
    },
    onError: (e) => {
      if (isApiError(e)) {
        setIssues(
          issuesByField(e.issues ?? [], {
            "params.date": "date",
            kind: "kind",
            name: "name",
            confidence: "confidence",
            source: "source",
          }),
        );
      }
    },
  });
  const remove = useMutation({
    mutationFn: (h: Holiday) => deleteHoliday(h.date, reason.trim()),
    onSuccess: (_r, h) => {
      setDone(t("holidays.removed", { date: formatDate(h.date) }));
      setRemoving(null);
      setReason("");
      void refresh();
    },
  });
  // Nothing of the page until the server has said whether the caller may change the table.
  if (!q.data) return <QueryState query={q}>{() => null}</QueryState>;
  if (!q.data.can.manage) return <NotFoundContent />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const iso = parseVnDate(draft.date);
    if (!iso) return setIssues({ date: t("holidays.dateInvalid") });
    save.mutate({ ...draft, iso });
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const weekday = (iso: string) =>
    t("holidays.weekdays", { returnObjects: true })[new Date(`${iso}T00:00:00Z`).getUTCDay()];
  const columns: Column<Holiday>[] = [
    { key: "date", header: t("holidays.date"), cell: (h) => formatDate(h.date), nowrap: true },
    { key: "weekday", header: t("holidays.weekday"), cell: (h) => weekday(h.date), nowrap: true },
    { key: "kind", header: t("holidays.kind"), cell: (h) => CALENDAR_DAY_KIND_LABELS[h.kind][lang] },
    { key: "name", header: t("holidays.name"), cell: (h) => <span className="td-break">{h.name}</span> },
    {
      key: "confidence",
      header: t("holidays.confidence"),
      cell: (h) => CALENDAR_CONFIDENCE_LABELS[h.confidence][lang],
    },
    {
      key: "source",
      header: t("holidays.source"),
      cell: (h) => <span className="td-break">{h.source ?? "—"}</span>,
    },
    {
      key: "actions",
      header: t("holidays.actions"),
      nowrap: true,
      cell: (h) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={`${t("holidays.edit")} ${formatDate(h.date)}`}
            onClick={() => {
              setDraft({
                date: formatDate(h.date),
                kind: h.kind,
                name: h.name,
                confidence: h.confidence,
                source: h.source ?? "",
              });
              setIssues({});
            }}
          >
            {t("holidays.edit")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-label={`${t("holidays.remove")} ${formatDate(h.date)}`}
            onClick={() => {
              remove.reset();
              setReason("");
              setRemoving(h);
            }}
          >
            {t("holidays.remove")}
          </Button>
        </Group>
      ),
    },
  ];
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return (
    <ListPage title={t("holidays.title")} intro={t("holidays.intro")}>
      <Text size="sm" c="dimmed">
        {t("holidays.basis")}
      </Text>
      {done && (
        <Alert color="green" variant="outline" role="status">
          {done}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="holiday-form-title">
        <Title order={2} size="h4" id="holiday-form-title" mb="xs">
          {t("holidays.add")}
        </Title>
        <Text size="sm" mb="sm">
          {t("holidays.addHint")}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <DateField
                label={t("holidays.date")}
                withAsterisk
                value={draft.date}
                error={issues.date}
                onChange={(e) => set("date", e.currentTarget.value)}
                w={150}
              />
              <NativeSelect
                label={t("holidays.kind")}
                value={draft.kind}
                error={issues.kind}
                onChange={(e) => set("kind", e.currentTarget.value as Kind)}
                data={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_KIND_LABELS[k][lang] }))}
              />
              <NativeSelect
                label={t("holidays.confidence")}
                value={draft.confidence}
                error={issues.confidence}
                onChange={(e) => set("confidence", e.currentTarget.value as Confidence)}
                data={CALENDAR_CONFIDENCES.map((c) => ({
                  value: c,
                  label: CALENDAR_CONFIDENCE_LABELS[c][lang],
                }))}
              />
            </Group>
            <TextInput
              label={t("holidays.name")}
              withAsterisk
              value={draft.name}
              error={issues.name}
              onChange={(e) => set("name", e.currentTarget.value)}
            />
            <TextInput
              label={t("holidays.source")}
              value={draft.source}
              error={issues.source}
              onChange={(e) => set("source", e.currentTarget.value)}
            />
            {save.isError && !Object.keys(issues).length && <ErrorAlert error={save.error} />}
            <div>
              <Button type="submit" loading={save.isPending}>
                {t("holidays.save")}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
      <NativeSelect
        label={t("holidays.year")}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        data={years.map((y) => String(y))}
        w={140}
      />
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("holidays.none")}</Text>
          ) : (
            <DataTable
              label={t("holidays.list", { year })}
              minWidth={760}
              columns={columns}
              rows={data.items}
              rowKey={(h) => h.date}
            />
          )
        }
      </QueryState>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("holidays.removeTitle", { date: removing ? formatDate(removing.date) : "" })}
        confirmLabel={t("holidays.remove")}
        cancelLabel={t("holidays.cancel")}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        <Stack gap="sm">
          <Text>{t("holidays.removeText", { name: removing?.name ?? "" })}</Text>
          <Textarea
            label={t("holidays.reason")}
            withAsterisk
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        </Stack>
      </ConfirmDialog>
    </ListPage>
  );
}
