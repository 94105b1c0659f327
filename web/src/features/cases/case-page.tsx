import "../../locales/register-console";
import "../../locales/register-cases";
import {
  Alert,
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
import { GetCaseQuerySchema, type CaseDetail, type TransferCaseResult } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { AnchorLink } from "../../components/anchor-link";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { Fact } from "../../components/fact";
import { ScrollRegion } from "../../components/scroll-region";
import { Section } from "../../components/section";
import { openCase } from "./api";
import { ActionBody, type Action } from "./case-actions";
import { CaseHelpSections } from "./case-help";
import { CaseTransfers } from "./case-transfers";
import { AccessLog } from "./access-log";
import { DeadlineBadge } from "./deadline-badge";
import { periodText, quarterText } from "./quarters";

/** A case file opens only after the reader states why; the read is logged server-side. */
export function CasePage() {
  const { id } = useParams({ from: "/console/ho-so/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("cases");
  usePageTitle(t("cases.open.title"));
  const [reason, setReason] = useState("");
  const [file, setFile] = useState<CaseDetail | null>(null);
  const [sent, setSent] = useState<TransferCaseResult | null>(null);
  const [localIssue, setLocalIssue] = useState<string | undefined>();
  const open = useMutation({ mutationFn: () => openCase(id, reason.trim()), onSuccess: setFile });
  if (!can(user, "case.report")) return <NotFoundContent />;
  if (sent) {
    return (
      <Stack gap="lg" maw={640}>
        <Title order={1}>{t("cases.transfer")}</Title>
        <Alert color="green" variant="outline" role="status">
          {t("cases.transferred", { name: sent.toCommuneName, due: formatDate(sent.receiveDueOn) })}
        </Alert>
        <AnchorLink to="/ho-so">{t("cases.list")}</AnchorLink>
      </Stack>
    );
  }
  if (file) return <CaseFile file={file} onChange={setFile} onTransferred={setSent} />;
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

function CaseFile({
  file,
  onChange,
  onTransferred,
}: {
  file: CaseDetail;
  onChange: (f: CaseDetail) => void;
  onTransferred: (r: TransferCaseResult) => void;
}) {
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
  const done = (r: unknown) => {
    onChange(r as CaseDetail);
    setAction(null);
    void qc.invalidateQueries({ queryKey: ["cases"] });
  };
  // After a transfer this commune may no longer open the file: the page says where it went.
  const transferred = (r: TransferCaseResult) => {
    setAction(null);
    void qc.invalidateQueries({ queryKey: ["cases"] });
    onTransferred(r);
  };
  const education = file.regime === "decree_120_2021";
  const can = file.can;
  const buttons: { action: Action; primary?: boolean; danger?: boolean }[] = [
    { action: "receive", primary: true },
    { action: "assign", primary: true },
    { action: "report" },
    { action: "classify" },
    { action: "support" },
    { action: "transfer" },
    { action: "close", danger: true },
  ];
  const reportTitle = education ? "reportMonthTitle" : "reportTitle";
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{file.fullName}</Title>
        <Badge size="lg" color="blue.9" variant="filled">
          {t("cases.accessBasis")}: {t(`cases.basis.${file.accessBasis}`)}
        </Badge>
      </Group>
      {file.pendingTransfer && (
        <Alert color="orange" variant="outline" title={t("cases.inbox")}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }}>
            <Fact label={t("cases.fromCommune")}>{file.pendingTransfer.fromCommuneName}</Fact>
            <Fact label={t("cases.residenceCheckDeadline")}>
              <DeadlineBadge d={file.pendingTransfer.residenceCheckDeadline} />
            </Fact>
            <Fact label={t("cases.receiveDeadline")}>
              <DeadlineBadge d={file.pendingTransfer.receiveDeadline} />
            </Fact>
          </SimpleGrid>
          <Text size="sm" mt="xs">
            {t("cases.basisLabel", { basis: t("cases.transferBasis") })}
          </Text>
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }}>
          <Fact label={t("cases.kind")}>{t(`cases.kinds.${file.kind}`)}</Fact>
          <Fact label={t("cases.regime")}>{t(`cases.regimes.${file.regime}`)}</Fact>
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
            {file.outcome && (
              <Text size="sm" c="dimmed">
                {t("cases.basisLabel", { basis: t(`cases.outcomeBasis.${file.outcome}`) })}
              </Text>
            )}
          </Fact>
          {file.measure && (
            <>
              <Fact label={t("cases.measureMonths")}>{file.measure.months}</Fact>
              <Fact label={t("cases.measureEndsOn")}>{formatDate(file.measure.endsOn)}</Fact>
              <Fact label={t("cases.earlyEndFrom")}>{formatDate(file.measure.earlyEndFrom)}</Fact>
            </>
          )}
          <Fact label={t(education ? "cases.educationAssignDeadline" : "cases.assignDeadline")}>
            <DeadlineBadge d={file.assignDeadline} />
          </Fact>
          <Fact label={t(education ? "cases.planDeadline" : "cases.fileDeadline")}>
            <DeadlineBadge d={file.fileDeadline} />
          </Fact>
          <Fact label={t(education ? "cases.monthReport" : "cases.quarterReport")}>
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
        {education && (
          <Text size="sm" c="dimmed" mt="sm">
            {t("cases.educationNote")}
          </Text>
        )}
      </Paper>
      {buttons.some((b) => can[b.action]) && (
        <Group>
          {buttons
            .filter((b) => can[b.action])
            .map((b) => (
              <Button
                key={b.action}
                variant={b.primary ? "filled" : "default"}
                color={b.danger ? "red" : undefined}
                onClick={() => setAction(b.action)}
              >
                {t(`cases.${b.action}`)}
              </Button>
            ))}
        </Group>
      )}
      <CaseTransfers transfers={file.transfers} />
      <CaseHelpSections file={file} onChange={done} />
      <Section title={t("cases.reports")} id="case-reports">
        {file.reports.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <ScrollRegion label={t("cases.reports")}>
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
                      {periodText(r.quarter, lang)}
                    </Table.Th>
                    <Table.Td>{formatDate(r.reportedOn)}</Table.Td>
                    <Table.Td>{r.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>
      <Section title={t("cases.classifications")} id="case-classes">
        {file.classifications.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <ScrollRegion label={t("cases.classifications")}>
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
          </ScrollRegion>
        )}
      </Section>
      <Section title={t("cases.supports")} id="case-supports">
        {file.supports.length === 0 ? (
          <Text c="dimmed">{t("cases.nothing")}</Text>
        ) : (
          <ScrollRegion label={t("cases.supports")}>
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
          </ScrollRegion>
        )}
      </Section>
      {can.readAccessLog && <AccessLog id={file.id} />}
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={action !== null}
        onClose={() => setAction(null)}
        title={titled === "report" ? t(`cases.${reportTitle}`) : t(`cases.${titled}Title`)}
        size="lg"
      >
        {action && <ActionBody action={action} file={file} onDone={done} onTransferred={transferred} />}
      </Modal>
    </Stack>
  );
}
