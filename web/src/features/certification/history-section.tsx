import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  CERTIFICATION_HISTORY_BASIS,
  CERTIFICATION_HISTORY_LIMITS,
  RecordCertificationHistoryBodySchema,
  type ApiIssue,
  type CertificationHistoryRates,
  type OrgUnit,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import type { OrgUnitPage } from "../../api/org-units";
import { DataTable } from "../../components/data-table";
import { DateField } from "../../components/date-field";
import { errorText } from "../../components/error-text";
import { Section } from "../../components/section";
import { formatDate, formatNumber, formatPercent } from "../../lib/format";
import { isoFromVn } from "../../lib/form-values";
import { historyRatesQuery, pastResultsQuery } from "./api";
import { useCertWrite, WriteError } from "./form-kit";
import { CERTIFIED_KINDS } from "./register-form";

type Year = CertificationHistoryRates["years"][number];
const GROUPS = ["residential_area", "commune", "agency"] as const;

/**
 * Past years' certification (2013–2025) under a unit: the rates per year of the units before the
 * 2025 reform that formed it, the results of a year, and — for those who decide — a form and a
 * CSV import.
 */
export function HistorySection({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation("certification");
  const rates = useQuery({ ...historyRatesQuery(unitId ?? ""), enabled: Boolean(unitId) });
  const years = rates.data?.years ?? [];
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? years.at(-1)?.year ?? null;
  const results = useQuery({
    ...pastResultsQuery(unitId ?? "", shown ?? 0),
    enabled: Boolean(unitId) && shown !== null,
  });
  const canRecord = results.data?.can.create ?? false;
  const share = (g: Year[(typeof GROUPS)[number]]) =>
    g.rate === null
      ? t("pastYears.none")
      : t("pastYears.share", {
          rate: formatPercent(g.rate),
          certified: formatNumber(g.certified),
          recorded: formatNumber(g.recorded),
        });
  return (
    <Section title={t("pastYears.title")} id="history">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("pastYears.intro")}
        </Text>
        {!unitId ? (
          <Text c="dimmed">{t("pastYears.pickUnit")}</Text>
        ) : years.length === 0 ? (
          <Text c="dimmed">{rates.isPending ? t("loading") : t("pastYears.empty")}</Text>
        ) : (
          <DataTable<Year>
            label={t("pastYears.title")}
            minWidth={560}
            rows={years}
            rowKey={(r) => r.year}
            columns={[
              {
                key: "year",
                header: t("pastYears.year"),
                cell: (r) => (
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => setYear(r.year)}
                    fw={r.year === shown ? 700 : 400}
                  >
                    {r.year}
                  </Anchor>
                ),
              },
              ...GROUPS.map((g) => ({
                key: g,
                header: t(`pastYears.${g}`),
                numeric: true,
                cell: (r: Year) => share(r[g]),
              })),
            ]}
          />
        )}
        <Text size="xs" c="dimmed">
          {t("pastYears.denominator")}
        </Text>
        <Text size="xs" c="dimmed" className="td-break">
          {t("pastYears.basis", { basis: CERTIFICATION_HISTORY_BASIS })}
        </Text>
        {shown !== null && (results.data?.items.length ?? 0) > 0 && (
          <div>
            <Text fw={700} mb="xs">
              {t("pastYears.records", { year: shown })}
            </Text>
            <DataTable
              label={t("pastYears.records", { year: shown })}
              minWidth={520}
              rows={results.data?.items ?? []}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: "unit",
                  header: t("pastYears.unit"),
                  cell: (r) => (r.validTo ? `${r.unitName} (${t("pastYears.preReform")})` : r.unitName),
                },
                {
                  key: "result",
                  header: t("pastYears.result"),
                  cell: (r) => t(r.certified ? "pastYears.certified" : "pastYears.notCertified"),
                },
                {
                  key: "decision",
                  header: t("pastYears.decision"),
                  cell: (r) =>
                    [
                      r.decisionNumber,
                      r.decisionDate ? formatDate(r.decisionDate) : null,
                      r.decisionAuthority,
                    ]
                      .filter(Boolean)
                      .join(" · ") || t("pastYears.none"),
                },
              ]}
            />
          </div>
        )}
        {canRecord && unitId && <RecordPastResultForm unitId={unitId} />}
        {canRecord && <ImportPastResultsForm />}
      </Stack>
    </Section>
  );
}

/** Units of any year, pre-reform ones included, of the certified kinds; the unit's predecessors first. */
function PastUnitSelect({
  unitId,
  value,
  onChange,
  error,
}: {
  unitId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation("certification");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim().slice(0, 100), 250);
  const detail = useQuery({
    queryKey: ["org-units", "detail", unitId],
    queryFn: ({ signal }) => api<{ predecessors: { unit: OrgUnit }[] }>(`/org-units/${unitId}`, { signal }),
  });
  const found = useQuery({
    queryKey: ["certification", "past-units", q],
    queryFn: ({ signal }) =>
      api<OrgUnitPage>("/org-units", { query: { q, includeHistoric: "true", limit: 30 }, signal }),
    enabled: q.length > 0,
  });
  const label = (u: OrgUnit) =>
    [u.fullName, u.ancestorNames?.at(-1), u.code, u.validTo ? t("pastYears.preReform") : null]
      .filter(Boolean)
      .join(" — ");
  const units = new Map<string, OrgUnit>();
  for (const p of detail.data?.predecessors ?? []) units.set(p.unit.id, p.unit);
  for (const u of found.data?.items ?? []) units.set(u.id, u);
  const data = [...units.values()]
    .filter((u) => (CERTIFIED_KINDS as readonly string[]).includes(u.kind))
    .map((u) => ({ value: u.id, label: label(u) }));
  return (
    <Select
      label={t("pastYears.recordUnit")}
      description={t("pastYears.recordUnitHint")}
      required
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={q ? ({ options }) => options : undefined}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function RecordPastResultForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation("certification");
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [year, setYear] = useState("");
  const [certified, setCertified] = useState(true);
  const [decisionNumber, setDecisionNumber] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  const [decisionAuthority, setDecisionAuthority] = useState("");
  const { submit, issues, mutation } = useCertWrite(
    "/certification/history",
    RecordCertificationHistoryBodySchema,
    () => setOrgUnitId(null),
  );
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      noValidate
      aria-labelledby="record-history-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit({
          orgUnitId: orgUnitId ?? "",
          year,
          certified,
          decisionNumber,
          decisionDate: decisionDate ? isoFromVn(decisionDate) : undefined,
          decisionAuthority,
        });
      }}
    >
      <Stack gap="sm">
        <Text fw={700} id="record-history-title">
          {t("pastYears.record")}
        </Text>
        <WriteError error={mutation.error} issues={issues} />
        <PastUnitSelect unitId={unitId} value={orgUnitId} onChange={setOrgUnitId} error={issues.orgUnitId} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("pastYears.year")}
            required
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            error={issues.year}
          />
          <Checkbox
            mt={{ sm: "xl" }}
            label={t("pastYears.certifiedLabel")}
            checked={certified}
            onChange={(e) => setCertified(e.currentTarget.checked)}
          />
          <TextInput
            label={t("pastYears.decisionNumber")}
            value={decisionNumber}
            onChange={(e) => setDecisionNumber(e.currentTarget.value)}
            error={issues.decisionNumber}
          />
          <DateField
            label={t("pastYears.decisionDate")}
            value={decisionDate}
            onChange={(e) => setDecisionDate(e.currentTarget.value)}
            error={issues.decisionDate}
          />
        </SimpleGrid>
        <TextInput
          label={t("pastYears.decisionAuthority")}
          value={decisionAuthority}
          onChange={(e) => setDecisionAuthority(e.currentTarget.value)}
          error={issues.decisionAuthority}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t("pastYears.save")}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

const SAMPLE = [
  "Mã đơn vị,Tên đơn vị,Năm,Loại đơn vị,Kết quả,Số quyết định,Ngày quyết định,Cơ quan quyết định",
  "31825,Phường 1,2016,Phường,Đạt,215/QĐ-UBND,18/11/2016,UBND thành phố Bạc Liêu",
  "31822,Phường 7,2016,Phường,Chưa đạt,215/QĐ-UBND,18/11/2016,UBND thành phố Bạc Liêu",
].join("\r\n");
const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SAMPLE}\r\n`)}`;

function ImportPastResultsForm() {
  const { t } = useTranslation("certification");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<
    { issues: ApiIssue[]; message: string } | { created: number } | null
  >(null);
  const mutation = useMutation({
    mutationFn: async (f: File) =>
      api<{ created: number }>("/certification/history/import", {
        method: "POST",
        body: { csv: await f.text() },
      }),
    onSuccess: async (r) => {
      setOutcome(r);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ["certification"] });
    },
    onError: (e) =>
      setOutcome({
        message: errorText(tp, e),
        issues: isApiError(e) && e.code === "validation_failed" ? e.issues : [],
      }),
  });
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      noValidate
      aria-labelledby="import-history-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (file && file.size <= CERTIFICATION_HISTORY_LIMITS.csvMaxChars) mutation.mutate(file);
      }}
    >
      <Stack gap="sm">
        <Text fw={700} id="import-history-title">
          {t("pastYears.import")}
        </Text>
        <Text size="sm" c="dimmed" className="td-break">
          {t("pastYears.importHint")}
        </Text>
        <Anchor href={SAMPLE_HREF} download="mau-ket-qua-cong-nhan-cac-nam.csv" size="sm">
          {t("pastYears.sample")}
        </Anchor>
        <FileInput
          label={t("pastYears.file")}
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
          }}
          maw={420}
        />
        <div>
          <Button type="submit" loading={mutation.isPending} disabled={!file}>
            {t("pastYears.importButton")}
          </Button>
        </div>
        <div aria-live="polite">
          {outcome && "created" in outcome && (
            <Alert color="green" variant="outline">
              {t("pastYears.imported", { count: outcome.created })}
            </Alert>
          )}
          {outcome && "message" in outcome && (
            <Alert color="red" variant="outline" role="alert">
              {outcome.message}
              {outcome.issues.length > 0 && (
                <List size="sm" mt="xs">
                  {outcome.issues.slice(0, 50).map((i) => (
                    <List.Item key={i.path}>{i.message}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
