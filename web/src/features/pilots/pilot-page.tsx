import "../../locales/register-console";
import "../../locales/register-pilots";
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { PILOT_RESULTS, type PilotDetail } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable } from "../../components/data-table";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { evaluatePilot, pilotQuery, recordReplication } from "./api";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function PilotPage() {
  const { id } = useParams({ from: "/console/xay-dung-diem/$id" });
  const { t } = useTranslation("pilots");
  usePageTitle(t("pilots.title"));
  const valid = UUID.test(id);
  const query = useQuery({ ...pilotQuery(id), enabled: valid });
  if (!valid || (isApiError(query.error) && query.error.status === 404)) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/xay-dung-diem" size="sm">
        {t("pilots.back")}
      </AnchorLink>
      <QueryState query={query}>{(p) => <Pilot p={p} />}</QueryState>
    </Stack>
  );
}

function Pilot({ p }: { p: PilotDetail }) {
  const { t } = useTranslation("pilots");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const [step, setStep] = useState<"evaluate" | "replicate" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const done = (text: string) => () => {
    void qc.invalidateQueries({ queryKey: ["pilots"] });
    setStep(null);
    setUnitId(null);
    setNotice(text);
  };
  return (
    <Stack gap="lg">
      <PageHeader title={`${p.orgUnitName} — ${p.groupName ?? p.topic}`} />
      <Text className="td-break">
        {p.topic}
        {p.typeName && p.typeName !== p.topic ? ` (${p.typeName})` : ""} ·{" "}
        {t("pilots.decision", {
          number: p.decisionNumber,
          date: formatDate(p.decisionOn),
          issuer: p.decisionIssuer,
        })}
      </Text>
      <Text>
        {t("pilots.stage")}: <strong>{t(`pilots.stages.${p.stage}`)}</strong>
        {p.latestResult && ` · ${t(`pilots.results.${p.latestResult}`)}`}
      </Text>
      {p.groupId && (
        <AnchorLink to="/to-mo-hinh/$id" params={{ id: p.groupId }}>
          {t("pilots.model")}: {p.groupName}
        </AnchorLink>
      )}
      {p.note && (
        <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
          {p.note}
        </Text>
      )}
      {notice && (
        <Alert color="green" variant="outline" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {p.can.manage && (
        <Group>
          <Button onClick={() => setStep("evaluate")}>{t("pilots.evaluate")}</Button>
          <Button variant="default" onClick={() => setStep("replicate")}>
            {t("pilots.replicate")}
          </Button>
        </Group>
      )}
      <Section title={t("pilots.evaluations")} id="pilot-evaluations">
        {p.evaluations.length === 0 ? (
          <Text c="dimmed">{t("pilots.noEvaluations")}</Text>
        ) : (
          <DataTable
            label={t("pilots.evaluations")}
            minWidth={480}
            striped={false}
            rows={p.evaluations}
            rowKey={(e) => e.id}
            columns={[
              { key: "on", header: t("pilots.evaluatedOn"), cell: (e) => formatDate(e.evaluatedOn) },
              { key: "result", header: t("pilots.result"), cell: (e) => t(`pilots.results.${e.result}`) },
              { key: "findings", header: t("pilots.findings"), cell: (e) => e.findings },
            ]}
          />
        )}
      </Section>
      <Section
        title={`${t("pilots.replicationList")} (${formatNumber(p.replications)})`}
        id="pilot-replications"
      >
        {p.replicationList.length === 0 ? (
          <Text c="dimmed">{t("pilots.noReplications")}</Text>
        ) : (
          <DataTable
            label={t("pilots.replicationList")}
            minWidth={420}
            striped={false}
            rows={p.replicationList}
            rowKey={(r) => r.id}
            columns={[
              { key: "unit", header: t("pilots.replicationUnit"), cell: (r) => r.orgUnitName },
              { key: "on", header: t("pilots.replicatedOn"), cell: (r) => formatDate(r.replicatedOn) },
              { key: "note", header: t("pilots.note"), cell: (r) => r.groupName ?? r.note ?? "" },
            ]}
          />
        )}
      </Section>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step === "evaluate" ? t("pilots.evaluate") : t("pilots.replicate")}
      >
        {step === "evaluate" && (
          <ActionForm
            submitLabel={t("pilots.save")}
            fields={[
              { name: "evaluatedOn", label: t("pilots.evaluatedOn"), kind: "date", required: true },
              {
                name: "result",
                label: t("pilots.result"),
                kind: "select",
                options: PILOT_RESULTS.map((r) => ({ value: r, label: t(`pilots.results.${r}`) })),
              },
              { name: "findings", label: t("pilots.findings"), kind: "textarea", required: true },
            ]}
            onSubmit={(b) => evaluatePilot(p.id, b)}
            onDone={done(t("pilots.evaluated"))}
          />
        )}
        {step === "replicate" && (
          <Stack gap="sm">
            <Text size="sm">{t("pilots.replicateHint")}</Text>
            <UnitField
              label={t("pilots.replicationUnit")}
              value={unitId}
              onChange={setUnitId}
              required
              kinds={["commune", "residential_area"]}
            />
            <ActionForm
              submitLabel={t("pilots.save")}
              fields={[
                { name: "replicatedOn", label: t("pilots.replicatedOn"), kind: "date", required: true },
                { name: "note", label: t("pilots.note"), kind: "textarea" },
              ]}
              extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
              onSubmit={(b) => recordReplication(p.id, b)}
              onDone={done(t("pilots.replicated"))}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
