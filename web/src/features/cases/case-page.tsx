import "../../locales/register-console";
import "../../locales/register-cases";
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import {
  CASE_GROUPS,
  CASE_OUTCOMES,
  GetCaseQuerySchema,
  SUPPORT_KINDS,
  type CaseDetail,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { unitBodiesQuery } from "../../api/org-units";
import { NotFoundContent } from "../../app/fallback-pages";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { Fact } from "../../components/fact";
import { Section } from "../../components/section";
import { ActionForm, type Field } from "../../components/action-form";
import { openCase, post } from "./api";
import { AccessLog } from "./access-log";
import { DeadlineBadge } from "./deadline-badge";
import { quarterText, recentQuarters } from "./quarters";

/** A case file opens only after the reader states why; the read is logged server-side. */
export function CasePage() {
  const { id } = useParams({ from: "/console/ho-so/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("cases");
  usePageTitle(t("cases.open.title"));
  const [reason, setReason] = useState("");
  const [file, setFile] = useState<CaseDetail | null>(null);
  const [localIssue, setLocalIssue] = useState<string | undefined>();
  const open = useMutation({ mutationFn: () => openCase(id, reason.trim()), onSuccess: setFile });
  if (!can(user, "case.report")) return <NotFoundContent />;
  if (file) return <CaseFile file={file} onChange={setFile} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The same contract the server applies: no request (and no read) without a valid reason.
    const parsed = GetCaseQuerySchema.safeParse({ reason });
    setLocalIssue(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) open.mutate();
  };
  const notFound = isApiError(open.error) && open.error.status === 404;
  if (notFound) return <NotFoundContent />;
  const issue = localIssue ?? (isApiError(open.error) ? open.error.issues[0]?.message : undefined);
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t("cases.open.title")}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text>{t("cases.open.prompt")}</Text>
            <Textarea
              label={t("cases.open.reason")}
              required
              autosize
              minRows={2}
              value={reason}
              error={issue}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {open.isError && !issue && <ErrorAlert error={open.error} />}
            <Group>
              <Button type="submit" loading={open.isPending}>
                {t("cases.open.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

type Action = "assign" | "report" | "classify" | "support" | "close";

function CaseFile({ file, onChange }: { file: CaseDetail; onChange: (f: CaseDetail) => void }) {
  const { t, i18n } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [action, setOpenAction] = useState<Action | null>(null);
  // The dialog keeps its title while it animates out, so it is never an unnamed dialog.
  const [titled, setTitled] = useState<Action>("report");
  const setAction = (a: Action | null) => {
    if (a) setTitled(a);
    setOpenAction(a);
  };
  const manage = file.accessBasis !== "assignee";
  const closed = file.status === "closed";
  const done = (r: unknown) => {
    onChange(r as CaseDetail);
    setAction(null);
    void qc.invalidateQueries({ queryKey: ["cases"] });
  };
  const quarters = recentQuarters(lang);
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{file.fullName}</Title>
        <Badge size="lg" color="blue.9" variant="filled">
          {t("cases.accessBasis")}: {t(`cases.basis.${file.accessBasis}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }}>
          <Fact label={t("cases.kind")}>{t(`cases.kinds.${file.kind}`)}</Fact>
          <Fact label={t("cases.dateOfBirth")}>{formatDate(file.dateOfBirth)}</Fact>
          <Fact label={t("cases.identityNumber")}>{file.identityNumber}</Fact>
          <Fact label={t("cases.offenceCategory")}>{t(`cases.offences.${file.offenceCategory}`)}</Fact>
          <Fact label={t("cases.offence")}>{file.offence}</Fact>
          <Fact label={t("cases.releaseDate")}>{formatDate(file.releaseOrDecisionDate)}</Fact>
          <Fact label={t("cases.residence")}>{file.orgUnitName}</Fact>
          <Fact label={t("cases.reportedInOn")}>{formatDate(file.reportedInOn)}</Fact>
          <Fact label={t("cases.status")}>
            {t(`cases.statuses.${file.status}`)}
            {file.outcome ? ` — ${t(`cases.outcomes.${file.outcome}`)}` : ""}
          </Fact>
          <Fact label={t("cases.assignDeadline")}>
            <DeadlineBadge d={file.assignDeadline} />
          </Fact>
          <Fact label={t("cases.fileDeadline")}>
            <DeadlineBadge d={file.fileDeadline} />
          </Fact>
          <Fact label={t("cases.quarterReport")}>
            {file.quarterReportDeadline ? <DeadlineBadge d={file.quarterReportDeadline} /> : "—"}
          </Fact>
          <Fact label={t("cases.assignee")}>
            {file.assigneeBodyName ?? "—"}
            {file.mentorName ? ` (${file.mentorName})` : ""}
          </Fact>
          <Fact label={t("cases.decisionNumber")}>
            {file.decisionNumber ? `${file.decisionNumber} — ${formatDate(file.decidedOn)}` : "—"}
          </Fact>
          <Fact label={t("cases.notes")}>{file.notes ?? "—"}</Fact>
        </SimpleGrid>
      </Paper>
      {!closed && (
        <Group>
          {manage && <Button onClick={() => setAction("assign")}>{t("cases.assign")}</Button>}
          <Button variant="default" onClick={() => setAction("report")}>
            {t("cases.report")}
          </Button>
          {manage && (
            <Button variant="default" onClick={() => setAction("classify")}>
              {t("cases.classify")}
            </Button>
          )}
          <Button variant="default" onClick={() => setAction("support")}>
            {t("cases.support")}
          </Button>
          {manage && (
            <Button variant="default" color="red" onClick={() => setAction("close")}>
              {t("cases.close")}
            </Button>
          )}
        </Group>
      )}
      <Section title={t("cases.reports")} id="case-reports">
        {file.reports.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("cases.quarter")}</Table.Th>
                <Table.Th scope="col">{t("cases.reportedOn")}</Table.Th>
                <Table.Th scope="col">{t("cases.summary")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {quarterText(r.quarter, lang)}
                  </Table.Th>
                  <Table.Td>{formatDate(r.reportedOn)}</Table.Td>
                  <Table.Td>{r.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t("cases.classifications")} id="case-classes">
        {file.classifications.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("cases.quarter")}</Table.Th>
                <Table.Th scope="col">{t("cases.group")}</Table.Th>
                <Table.Th scope="col">{t("cases.classifiedOn")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.classifications.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {quarterText(c.quarter, lang)}
                  </Table.Th>
                  <Table.Td>{t(`cases.groups.${c.group}`)}</Table.Td>
                  <Table.Td>{formatDate(c.classifiedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t("cases.supports")} id="case-supports">
        {file.supports.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("cases.supportKind")}</Table.Th>
                <Table.Th scope="col">{t("cases.providedOn")}</Table.Th>
                <Table.Th scope="col">{t("cases.provider")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.supports.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {t(`cases.supportKinds.${s.kind}`)}
                  </Table.Th>
                  <Table.Td>{formatDate(s.providedOn)}</Table.Td>
                  <Table.Td>{s.provider}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {manage && <AccessLog id={file.id} />}
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={action !== null}
        onClose={() => setAction(null)}
        title={t(`cases.${titled}Title`)}
        size="lg"
      >
        {action && <ActionBody action={action} file={file} quarters={quarters} onDone={done} />}
      </Modal>
    </Stack>
  );
}

function ActionBody({
  action,
  file,
  quarters,
  onDone,
}: {
  action: Action;
  file: CaseDetail;
  quarters: { value: string; label: string }[];
  onDone: (r: unknown) => void;
}) {
  const { t } = useTranslation("cases");
  const bodies = useQuery(unitBodiesQuery(action === "assign" ? file.communeId : null)).data?.bodies ?? [];
  const fields: Record<Action, Field[]> = {
    assign: [
      {
        name: "assigneeBodyId",
        label: t("cases.assigneeBody"),
        kind: "select",
        options: bodies.map((b) => ({ value: b.id, label: b.name })),
      },
      { name: "mentorName", label: t("cases.mentorName") },
      { name: "decisionNumber", label: t("cases.decisionNumber"), required: true },
      { name: "decidedOn", label: t("cases.decidedOn"), kind: "date", required: true },
      { name: "fileOpenedOn", label: t("cases.fileOpenedOn"), kind: "date" },
    ],
    report: [
      { name: "quarter", label: t("cases.quarter"), kind: "select", options: quarters, required: true },
      { name: "reportedOn", label: t("cases.reportedOn"), kind: "date", required: true },
      { name: "summary", label: t("cases.summary"), kind: "textarea", required: true },
    ],
    classify: [
      { name: "quarter", label: t("cases.quarter"), kind: "select", options: quarters, required: true },
      {
        name: "group",
        label: t("cases.group"),
        kind: "select",
        options: CASE_GROUPS.map((g) => ({ value: g, label: t(`cases.groups.${g}`) })),
      },
      { name: "classifiedOn", label: t("cases.classifiedOn"), kind: "date", required: true },
      { name: "notes", label: t("cases.notes"), kind: "textarea" },
    ],
    support: [
      {
        name: "kind",
        label: t("cases.supportKind"),
        kind: "select",
        options: SUPPORT_KINDS.map((k) => ({ value: k, label: t(`cases.supportKinds.${k}`) })),
      },
      { name: "providedOn", label: t("cases.providedOn"), kind: "date", required: true },
      { name: "provider", label: t("cases.provider"), required: true },
      { name: "notes", label: t("cases.notes"), kind: "textarea" },
    ],
    close: [
      {
        name: "outcome",
        label: t("cases.outcome"),
        kind: "select",
        options: CASE_OUTCOMES.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) })),
      },
      { name: "closedOn", label: t("cases.closedOn"), kind: "date", required: true },
      { name: "decisionNumber", label: t("cases.decisionNumber") },
      { name: "notes", label: t("cases.notes"), kind: "textarea" },
    ],
  };
  const paths: Record<Action, string> = {
    assign: "assignment",
    report: "reports",
    classify: "classifications",
    support: "supports",
    close: "close",
  };
  if (action === "assign" && bodies.length === 0) return null;
  return (
    <ActionForm
      key={action}
      fields={fields[action]}
      submitLabel={t("cases.save")}
      onSubmit={(b) => post<CaseDetail>(`/cases/${file.id}/${paths[action]}`, b)}
      onDone={onDone}
    />
  );
}
