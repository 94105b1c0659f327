import "../../locales/register-console";
import "../../locales/register-privacy";
import { Anchor, Badge, Button, SimpleGrid, Stack, Text } from "@mantine/core";
import {
  PROCESSING_EXCEPTION_LABELS,
  PROCESSING_EXCEPTIONS,
  SUBJECT_REQUEST_CHANNEL_LABELS,
  SUBJECT_REQUEST_KIND_LABELS,
  SUBJECT_REQUEST_OUTCOME_LABELS,
  SUBJECT_REQUEST_OUTCOMES,
  type PersonRecord,
  type SubjectRequestDetail,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { Fact } from "../../components/fact";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format";
import { answerRequest, requestQuery, searchRecords, subjectExportUrl } from "./api";
import { draftAnswer } from "./answer-draft";
import { recordColumns } from "./record-columns";
import { RequestExecution } from "./request-execute";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const show = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : String(v);

export function RequestPage() {
  const { id } = useParams({ from: "/console/du-lieu-ca-nhan/yeu-cau/$id" });
  const { t } = useTranslation("privacy");
  usePageTitle(t("title"));
  const valid = UUID.test(id);
  const query = useQuery({ ...requestQuery(id), enabled: valid });
  if (!valid || (isApiError(query.error) && query.error.status === 404)) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/du-lieu-ca-nhan" size="sm">
        {t("requests.back")}
      </AnchorLink>
      <QueryState query={query}>{(r) => <Request r={r} />}</QueryState>
    </Stack>
  );
}

function Request({ r }: { r: SubjectRequestDetail }) {
  const { t, i18n } = useTranslation("privacy");
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const search = useMutation({ mutationFn: () => searchRecords(r.id) });
  const columns: Column<PersonRecord>[] = [
    ...recordColumns<PersonRecord>(t),
    {
      key: "data",
      header: t("requests.data"),
      cell: (x) => (
        <Text size="xs" className="td-break">
          {Object.entries(x.data)
            .map(([k, v]) => `${k}: ${show(v)}`)
            .join("; ") || "—"}
        </Text>
      ),
    },
    {
      key: "sealed",
      header: t("requests.exception"),
      cell: (x) => (
        <Stack gap={4}>
          {x.sealed && (
            <Badge variant="outline" radius="sm" color="gray.7">
              {t("requests.sealed")}
            </Badge>
          )}
          <Text size="xs" className="td-break">
            {x.exception ? PROCESSING_EXCEPTION_LABELS[x.exception][lang] : "—"}
          </Text>
        </Stack>
      ),
    },
  ];
  return (
    <Stack gap="lg">
      <PageHeader title={t("requests.detail", { kind: SUBJECT_REQUEST_KIND_LABELS[r.kind][lang] })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        <Fact label={t("requests.received")}>{formatDateTime(r.receivedAt)}</Fact>
        <Fact label={t("requests.due")}>
          <span style={r.overdue || r.answeredLate ? { color: "var(--mantine-color-red-9)" } : undefined}>
            {formatDateTime(r.dueAt)}
            {r.overdue ? ` — ${t("requests.overdue")}` : r.answeredLate ? ` — ${t("requests.late")}` : ""}
          </span>
        </Fact>
        <Fact label={t("requests.channel")}>{SUBJECT_REQUEST_CHANNEL_LABELS[r.channel][lang]}</Fact>
        <Fact label={t("requests.identityCheckedBy")}>{r.identityCheckedBy}</Fact>
        <Fact label={t("requests.createdBy")}>{show(r.createdByName)}</Fact>
        <Fact label={t("requests.unit")}>{r.orgUnitName}</Fact>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t("requests.clockBasis")}: {r.clockBasisVi}
      </Text>
      <Section title={t("requests.subject")} id="subject">
        {r.subject ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
            <Fact label={t("requests.fullName")}>{r.subject.fullName}</Fact>
            <Fact label={t("requests.birthYear")}>{show(r.subject.birthYear)}</Fact>
            <Fact label={t("requests.phone")}>{show(r.subject.phone)}</Fact>
            <Fact label={t("requests.identityNumber")}>{show(r.subject.identityNumber)}</Fact>
            <Fact label={t("requests.address")}>{show(r.subject.address)}</Fact>
            <Fact label={t("requests.details")}>{show(r.details)}</Fact>
          </SimpleGrid>
        ) : (
          <Text size="sm">{t("requests.hiddenSubject")}</Text>
        )}
      </Section>
      {r.can.search && (
        <Section title={t("requests.found")} id="records">
          <Stack gap="sm">
            <div>
              <Button variant="light" loading={search.isPending} onClick={() => search.mutate()}>
                {t("requests.search")}
              </Button>{" "}
              {r.can.export && <Anchor href={subjectExportUrl(r.id)}>{t("requests.export")}</Anchor>}
            </div>
            {search.error && <ErrorAlert error={search.error} />}
            {search.data &&
              (search.data.items.length === 0 ? (
                <Text size="sm">{t("requests.noneFound")}</Text>
              ) : (
                <DataTable
                  label={t("requests.found")}
                  columns={columns}
                  rows={search.data.items}
                  rowKey={(x) => `${x.module}:${x.entityId}`}
                  minWidth={800}
                />
              ))}
          </Stack>
        </Section>
      )}
      <RequestExecution r={r} />
      {r.status === "answered" && (
        <Section title={t("requests.answer")} id="answer">
          <Stack gap="xs">
            <Text size="sm">{t("requests.answered", { at: formatDateTime(r.answeredAt) })}</Text>
            {r.outcome && <Text fw={600}>{SUBJECT_REQUEST_OUTCOME_LABELS[r.outcome][lang]}</Text>}
            {r.exceptions.map((e) => (
              <Text key={e} size="sm">
                {PROCESSING_EXCEPTION_LABELS[e][lang]}
              </Text>
            ))}
            {r.answer && <Text className="td-break">{r.answer}</Text>}
          </Stack>
        </Section>
      )}
      {r.can.answer && (
        <Section title={t("requests.answer")} id="answer-form">
          <ActionForm
            key={r.executedAt ?? "draft"}
            submitLabel={t("requests.answer")}
            fields={[
              {
                name: "outcome",
                label: t("requests.outcome"),
                kind: "select",
                options: SUBJECT_REQUEST_OUTCOMES.map((o) => ({
                  value: o,
                  label: SUBJECT_REQUEST_OUTCOME_LABELS[o][lang],
                })),
              },
              {
                name: "exceptions",
                label: t("requests.exceptions"),
                kind: "select",
                options: [
                  { value: "", label: t("requests.noException") },
                  ...PROCESSING_EXCEPTIONS.map((e) => ({
                    value: e,
                    label: PROCESSING_EXCEPTION_LABELS[e][lang],
                  })),
                ],
              },
              {
                name: "answer",
                label: t("requests.answerText"),
                kind: "textarea",
                required: true,
                initial: draftAnswer(r.actions),
              },
            ]}
            extra={({ exceptions, ...b }) => ({ ...b, exceptions: exceptions ? [exceptions] : [] })}
            onSubmit={(body) => answerRequest(r.id, body)}
            onDone={() => void qc.invalidateQueries({ queryKey: ["privacy"] })}
          />
        </Section>
      )}
    </Stack>
  );
}
