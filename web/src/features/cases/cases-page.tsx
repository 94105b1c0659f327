import "../../locales/register-console";
import "../../locales/register-cases";
import { Button, Checkbox, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import {
  CASE_KINDS,
  CASE_PERIODS,
  CASE_STATUSES,
  OFFENCE_CATEGORIES,
  type CaseDetail,
  type CaseStats,
  currentYearInVietnam,
} from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { FilterPanel, ListSection } from "../../components/list-page";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { QueryState } from "../../components/query-state";
import { defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { ActionForm } from "../../components/action-form";
import { caseListQuery, caseStatsQuery, post, type CasePage } from "./api";
import { DeadlineBadge } from "./deadline-badge";
import { recentPeriods } from "./quarters";

type CaseSummary = CasePage["items"][number];

export function CasesPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("cases");
  usePageTitle(t("cases.title"));
  if (!can(user, "case.report") && !can(user, "case.stats")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t("cases.title")}</Title>
      <Text>{t("cases.intro")}</Text>
      {can(user, "case.manage") && <TransferInbox />}
      {(can(user, "case.read") || can(user, "case.report")) && <CaseList />}
      {can(user, "case.stats") && <CaseStatsPanel />}
    </Stack>
  );
}

/** "Hồ sơ chuyển đến": files other communes sent here, with the receiver's clocks (Circular 10/2024 Art. 15). */
function TransferInbox() {
  const { t } = useTranslation("cases");
  const query = useInfiniteQuery(caseListQuery({ status: "transferring" }));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return null;
  const columns: Column<CaseSummary>[] = [
    {
      key: "name",
      header: t("cases.name"),
      cell: (c) => (
        <AnchorLink to="/ho-so/$id" params={{ id: c.id }}>
          {c.fullName}
        </AnchorLink>
      ),
    },
    { key: "from", header: t("cases.fromCommune"), cell: (c) => c.pendingTransfer?.fromCommuneName ?? "—" },
    {
      key: "sent",
      header: t("cases.transferredOn"),
      cell: (c) => (c.pendingTransfer ? formatDate(c.pendingTransfer.transferredOn) : "—"),
    },
    {
      key: "check",
      header: t("cases.residenceCheckDeadline"),
      cell: (c) => (c.pendingTransfer ? <DeadlineBadge d={c.pendingTransfer.residenceCheckDeadline} /> : "—"),
    },
    {
      key: "receive",
      header: t("cases.receiveDeadline"),
      cell: (c) => (c.pendingTransfer ? <DeadlineBadge d={c.pendingTransfer.receiveDeadline} /> : "—"),
    },
  ];
  return (
    <Section title={t("cases.inbox")} id="case-inbox">
      <Text size="sm" mb="sm">
        {t("cases.inboxIntro")}
      </Text>
      <DataTable label={t("cases.inbox")} columns={columns} rows={items} rowKey={(c) => c.id} />
    </Section>
  );
}

function CaseList() {
  const { t } = useTranslation("cases");
  const user = useCurrentUser();
  const [status, setStatus] = useState("");
  const [kind, setKind] = useState("");
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(
    caseListQuery({
      status: status || undefined,
      kind: kind || undefined,
      overdue: overdue ? "true" : undefined,
    }),
  );
  const columns: Column<CaseSummary>[] = [
    {
      key: "name",
      header: t("cases.name"),
      cell: (c) => (
        <AnchorLink to="/ho-so/$id" params={{ id: c.id }}>
          {c.fullName}
        </AnchorLink>
      ),
    },
    { key: "kind", header: t("cases.kind"), cell: (c) => t(`cases.kinds.${c.kind}`) },
    { key: "residence", header: t("cases.residence"), cell: (c) => c.orgUnitName },
    { key: "reportedInOn", header: t("cases.reportedInOn"), cell: (c) => formatDate(c.reportedInOn) },
    { key: "assign", header: t("cases.assignDeadline"), cell: (c) => <DeadlineBadge d={c.assignDeadline} /> },
    { key: "file", header: t("cases.fileDeadline"), cell: (c) => <DeadlineBadge d={c.fileDeadline} /> },
    { key: "assignee", header: t("cases.assignee"), cell: (c) => c.assigneeBodyName ?? "—" },
    { key: "group", header: t("cases.group"), cell: (c) => c.latestGroup ?? "—" },
    {
      key: "quarter",
      header: t("cases.quarterReport"),
      cell: (c) => (c.quarterReportDeadline ? <DeadlineBadge d={c.quarterReportDeadline} /> : "—"),
    },
    { key: "status", header: t("cases.status"), cell: (c) => t(`cases.statuses.${c.status}`) },
  ];
  return (
    <>
      <ListSection
        title={t("cases.list")}
        id="case-list"
        actions={
          can(user, "case.manage") ? (
            <Button onClick={() => setCreating(true)}>{t("cases.create")}</Button>
          ) : undefined
        }
        filters={
          <FilterPanel id="case-filters">
            <NativeSelect
              label={t("cases.status")}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={[
                { value: "", label: t("cases.allStatuses") },
                ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t("cases.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data={[
                { value: "", label: t("cases.allKinds") },
                ...CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) })),
              ]}
            />
            <Checkbox
              label={t("cases.overdueOnly")}
              checked={overdue}
              onChange={(e) => setOverdue(e.currentTarget.checked)}
            />
          </FilterPanel>
        }
        query={query}
        empty={t("cases.none")}
      >
        {(items) => <DataTable label={t("cases.list")} columns={columns} rows={items} rowKey={(c) => c.id} />}
      </ListSection>
      <CreateCaseDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** "Thêm hồ sơ": the person, the offence, the dates; the residence decides who manages the file. */
function CreateCaseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  return (
    <Modal
      closeButtonProps={{ "aria-label": tc("common.close") }}
      opened={opened}
      onClose={onClose}
      title={t("cases.create")}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{t("cases.sensitive")}</Text>
        <UnitField
          label={t("cases.residence")}
          value={unitId}
          onChange={setUnitId}
          required
          kinds={["commune", "residential_area"]}
        />
        <ActionForm
          submitLabel={t("cases.save")}
          fields={[
            {
              name: "kind",
              label: t("cases.kind"),
              kind: "select",
              options: CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) })),
            },
            { name: "fullName", label: t("cases.name"), required: true },
            {
              name: "dateOfBirth",
              label: t("cases.dateOfBirth"),
              kind: "date",
              required: true,
              initial: "",
            },
            { name: "identityNumber", label: t("cases.identityNumber"), required: true },
            {
              name: "offenceCategory",
              label: t("cases.offenceCategory"),
              kind: "select",
              options: OFFENCE_CATEGORIES.map((k) => ({ value: k, label: t(`cases.offences.${k}`) })),
            },
            { name: "offence", label: t("cases.offence"), required: true },
            {
              name: "releaseOrDecisionDate",
              label: t("cases.releaseDate"),
              description: t("cases.releaseDateHint"),
              kind: "date",
              required: true,
              initial: "",
            },
            { name: "reportedInOn", label: t("cases.reportedInOn"), kind: "date", required: true },
            {
              name: "measureMonths",
              label: t("cases.measureMonths"),
              kind: "number",
              description: t("cases.educationNote"),
            },
            { name: "notes", label: t("cases.notes"), kind: "textarea" },
          ]}
          extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
          onSubmit={(b) => post<CaseDetail>("/cases", b)}
          onDone={(r) => {
            onClose();
            void qc.invalidateQueries({ queryKey: ["cases"] });
            void navigate({ to: "/ho-so/$id", params: { id: (r as CaseDetail).id } });
          }}
        />
      </Stack>
    </Modal>
  );
}

const KIND = { month: "month", quarter: "quarter", half_year: "half", year: "year" } as const;
const COUNT = { month: 24, quarter: 12, half_year: 6, year: 6 } as const;

function CaseStatsPanel() {
  const { t, i18n } = useTranslation("cases");
  const lang = i18n.language === "en" ? "en" : "vi";
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [period, setPeriod] = useState<(typeof CASE_PERIODS)[number]>("year");
  const [key, setKey] = useState(String(currentYearInVietnam()));
  const keys = recentPeriods(KIND[period], lang, COUNT[period]);
  const query = useQuery(caseStatsQuery(unitId, period, key));
  return (
    <Section title={t("cases.stats")} id="case-stats">
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <UnitField value={unitId} onChange={setUnitId} />
        <NativeSelect
          label={t("cases.period")}
          value={period}
          onChange={(e) => {
            const next = e.currentTarget.value as typeof period;
            setPeriod(next);
            setKey(recentPeriods(KIND[next], lang, 1)[0]!.value);
          }}
          data={CASE_PERIODS.map((p) => ({ value: p, label: t(`cases.periods.${p}`) }))}
        />
        <NativeSelect
          label={t("cases.periodKey")}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          data={keys}
        />
      </SimpleGrid>
      {unitId && <QueryState query={query}>{(s) => <StatsTable s={s} />}</QueryState>}
    </Section>
  );
}

function StatsTable({ s }: { s: CaseStats }) {
  const { t } = useTranslation("cases");
  return (
    <Stack gap="xs">
      <Text size="sm">
        {formatDate(s.from)} – {formatDate(s.to)}
      </Text>
      {s.suppressed && <Text size="sm">{t("cases.statsSuppressed", { n: s.threshold })}</Text>}
      <Table>
        <Table.Tbody>
          {(Object.keys(s.figures) as (keyof CaseStats["figures"])[]).map((k) => (
            <Table.Tr key={k}>
              <Table.Th scope="row">{t(`cases.figures.${k}`)}</Table.Th>
              <Table.Td>{s.figures[k] === null ? t("cases.hidden") : formatNumber(s.figures[k])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
