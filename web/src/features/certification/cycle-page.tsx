import "../../locales/register-console";
import { Button, Group, List, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { ClassifyMovementBodySchema, type CertificationCycleDetail } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ScrollRegion } from "../../components/scroll-region";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { numberFrom } from "../../lib/form-values";
import { Section } from "../../components/section";
import { cycleQuery, evidenceQuery, historyQuery, sheetsQuery } from "./api";
import { DossierSection } from "./dossier-section";
import { EvidenceTable } from "./evidence-table";
import { useCertWrite, WriteError } from "./form-kit";
import { CycleStatusBadge, DeadlineText } from "./status";
import { AppraisalForm, DecisionForm, ReviewMeetingForm, SelfAssessmentForm } from "./step-forms";

const STEP_ORDER = ["registered", "self_assessed", "reviewed", "appraised"] as const;

export function CycleCertificationPage() {
  const { id } = useParams({ from: "/console/chung-nhan/$id" });
  const { t } = useTranslation("certification");
  const user = useCurrentUser();
  const cycle = useQuery(cycleQuery(id));
  const title = cycle.data ? `${cycle.data.orgUnitName} — ${cycle.data.year}` : t("title");
  usePageTitle(title);
  if (!can(user, "certification.read")) return <NotFoundContent />;
  if (cycle.isPending) return <Text c="dimmed">{t("loading")}</Text>;
  if (cycle.isError) {
    return <ErrorAlert error={cycle.error} />;
  }
  return <Cycle cycle={cycle.data} />;
}

function Steps({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const decided = cycle.status === "recognised" || cycle.status === "not_recognised";
  const reached = decided
    ? STEP_ORDER.length
    : STEP_ORDER.indexOf(cycle.status as (typeof STEP_ORDER)[number]);
  return (
    <List type="ordered" spacing={4}>
      {STEP_ORDER.map((s, i) => (
        <List.Item key={s}>
          {t(`stepNames.${s}`)} {i <= reached ? "✓" : ""}
        </List.Item>
      ))}
      <List.Item>
        {t("stepNames.decided")} {decided ? "✓" : ""}
      </List.Item>
    </List>
  );
}

function Cycle({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const evidence = useQuery(evidenceQuery(cycle.id));
  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/chung-nhan">← {t("back")}</AnchorLink>
        <Group gap="sm" mt="xs" wrap="wrap">
          <Title order={1}>{`${cycle.orgUnitName} — ${cycle.year}`}</Title>
          <CycleStatusBadge status={cycle.status} />
        </Group>
        <Text>{t(`unitType.${cycle.unitType}`)}</Text>
        <Text size="sm">
          {t("window", { from: formatDate(cycle.windowFrom), to: formatDate(cycle.windowTo) })}
        </Text>
        <DeadlineText cycle={cycle} />
        <Text size="sm">{t("authority", { name: cycle.recognisingAuthority })}</Text>
        {!cycle.authorityVerified && !cycle.decisionNumber && (
          <Text size="sm" c="dimmed">
            {t("authorityCheck")}
          </Text>
        )}
      </div>

      <Section title={t("steps")} id="steps">
        <Steps cycle={cycle} />
      </Section>

      {cycle.certificateCode && (
        <Section title={t("certificate")} id="certificate">
          <Text>
            {t("certificateCode")}:{" "}
            <code data-testid="certificate-code">{cycle.certificateCode.match(/.{1,4}/g)?.join("-")}</code>
          </Text>
          <a href={`/verify/${cycle.certificateCode}`}>{t("verifyLink")}</a>
        </Section>
      )}

      <Section title={t("evidence")} id="evidence">
        {evidence.data ? <EvidenceTable evidence={evidence.data} /> : <Text c="dimmed">{t("loading")}</Text>}
      </Section>

      {cycle.can.selfAssess && evidence.data && (
        <Section title={t("selfAssessment")} id="self-assessment">
          <SelfAssessmentForm cycle={cycle} evidence={evidence.data} />
        </Section>
      )}
      {cycle.can.review && (
        <Section title={t("review")} id="review">
          <ReviewMeetingForm cycle={cycle} />
        </Section>
      )}
      {cycle.status !== "registered" && (
        <Section title={t("dossier")} id="dossier">
          <DossierSection cycle={cycle} />
        </Section>
      )}
      {cycle.can.appraise && (
        <Section title={t("appraisal")} id="appraisal">
          <AppraisalForm cycle={cycle} />
        </Section>
      )}
      {cycle.can.decide && (
        <Section title={t("decision")} id="decision">
          <DecisionForm cycle={cycle} />
        </Section>
      )}
      {cycle.can.classify && (
        <Section title={t("classification")} id="classification">
          <ClassificationForm cycle={cycle} />
        </Section>
      )}
      <History unitId={cycle.orgUnitId} />
    </Stack>
  );
}

function ClassificationForm({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const sheets = useQuery(sheetsQuery);
  const sheet = sheets.data?.items[0];
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(cycle.classification?.scores ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const w = useCertWrite(`/certification/cycles/${cycle.id}/classification`, ClassifyMovementBodySchema);
  if (!sheet) return null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        w.submit({
          sheetCode: sheet.code,
          scores: Object.fromEntries(
            sheet.criteria.map((c) => [c.code, numberFrom(scores[c.code] ?? "0") ?? 0]),
          ),
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {sheet.nameVi}. {t("classificationIntro")}
        </Text>
        <WriteError error={w.mutation.error} issues={w.issues} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {sheet.criteria.map((c) => (
            <TextInput
              key={c.code}
              label={t("points", { label: c.label, max: c.maxPoints })}
              inputMode="decimal"
              value={scores[c.code] ?? ""}
              onChange={(e) => setScores({ ...scores, [c.code]: e.currentTarget.value })}
              error={w.issues[`scores.${c.code}`]}
            />
          ))}
        </SimpleGrid>
        {cycle.classification && (
          <Text fw={700} role="status">
            {t("total", {
              total: formatNumber(cycle.classification.total),
              level: t(`levels.${cycle.classification.level}`),
            })}
          </Text>
        )}
        <div>
          <Button type="submit" variant="default" loading={w.mutation.isPending}>
            {t("submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function History({ unitId }: { unitId: string }) {
  const { t } = useTranslation("certification");
  const history = useQuery(historyQuery(unitId));
  const items = history.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Section title={t("history")} id="history">
      <ScrollRegion label={t("history")}>
        <Table withTableBorder striped miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("year")}</Table.Th>
              <Table.Th scope="col">{t("outcome")}</Table.Th>
              <Table.Th scope="col">{t("decisionNumber")}</Table.Th>
              <Table.Th scope="col">{t("crimes")}</Table.Th>
              <Table.Th scope="col">{t("socialEvils")}</Table.Th>
              <Table.Th scope="col">{t("classification")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((h) => (
              <Table.Tr key={h.cycleId}>
                <Table.Td>
                  <AnchorLink to="/chung-nhan/$id" params={{ id: h.cycleId }}>
                    {h.year}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`status.${h.status}`)}</Table.Td>
                <Table.Td>{h.decisionNumber ?? "—"}</Table.Td>
                <Table.Td>{h.crimes === null ? "—" : formatNumber(h.crimes)}</Table.Td>
                <Table.Td>{h.socialEvils === null ? "—" : formatNumber(h.socialEvils)}</Table.Td>
                <Table.Td>{h.classification ? t(`levels.${h.classification}`) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
