import "../../locales/register-console";
import "../../locales/register-hotspots";
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { HOTSPOT_TRANSITIONS, type HotspotDetail, type HotspotStatus } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { DataTable } from "../../components/data-table";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { hotspotQuery, moveHotspot, recordHotspotEvidence } from "./api";
import { HotspotStatusBadge } from "./status-badge";

export function HotspotPage() {
  const { id } = useParams({ from: "/console/dia-ban-trong-diem/$id" });
  const { t } = useTranslation("hotspots");
  usePageTitle(t("hotspots.title"));
  const query = useQuery(hotspotQuery(id));
  return <QueryState query={query}>{(h) => <Hotspot h={h} />}</QueryState>;
}

type Step = HotspotStatus | "evidence";

function Hotspot({ h }: { h: HotspotDetail }) {
  const { t } = useTranslation("hotspots");
  const [step, setStep] = useState<Step | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader title={h.name} actions={<HotspotStatusBadge size="lg" status={h.status} />} />
      <Text>
        {h.orgUnitName} · {t("hotspots.designatedOn")}: {formatDate(h.designatedOn)}
        {h.decisionNumber ? ` · ${h.decisionNumber}` : ""} ·{" "}
        {h.reasons.map((r) => t(`hotspots.reasonList.${r}`)).join(", ")}
      </Text>
      {h.description && <Text>{h.description}</Text>}
      {(h.can.changeStatus || h.can.recordEvidence) && (
        <Group>
          {(h.can.changeStatus ? HOTSPOT_TRANSITIONS[h.status] : []).map((s) => (
            <Button key={s} variant="default" onClick={() => setStep(s)}>
              {t("hotspots.moveTo", { status: t(`hotspots.statuses.${s}`) })}
            </Button>
          ))}
          {h.can.recordEvidence && (
            <Button onClick={() => setStep("evidence")}>{t("hotspots.addEvidence")}</Button>
          )}
        </Group>
      )}
      <Section title={t("hotspots.plan")} id="hotspot-plan">
        <DataTable
          striped={false}
          rows={h.tasks}
          rowKey={(x) => x.id}
          columns={[
            { key: "title", header: t("hotspots.task"), cell: (x) => x.title },
            { key: "body", header: t("hotspots.responsible"), cell: (x) => x.responsibleBodyName },
            { key: "due", header: t("hotspots.dueOn"), cell: (x) => formatDate(x.dueOn) },
          ]}
        />
      </Section>
      <Section title={t("hotspots.evidence")} id="hotspot-evidence">
        <DataTable
          striped={false}
          rows={h.evidence}
          rowKey={(e) => e.id}
          columns={[
            { key: "on", header: t("hotspots.observedOn"), cell: (e) => formatDate(e.observedOn) },
            { key: "summary", header: t("hotspots.summary"), cell: (e) => e.summary },
            {
              key: "incidents",
              header: t("hotspots.incidents"),
              numeric: true,
              cell: (e) => (e.incidents === null ? "" : formatNumber(e.incidents)),
            },
          ]}
        />
      </Section>
      <Section title={t("hotspots.history")} id="hotspot-history">
        <DataTable
          striped={false}
          rows={h.history}
          rowKey={(_, i) => i}
          columns={[
            { key: "date", header: t("hotspots.date"), cell: (x) => formatDate(x.date) },
            { key: "status", header: t("hotspots.status"), cell: (x) => t(`hotspots.statuses.${x.to}`) },
            { key: "reason", header: t("hotspots.moveReason"), cell: (x) => x.reason },
          ]}
        />
      </Section>
      <StepDialog hotspot={h} step={step} onClose={() => setStep(null)} />
    </Stack>
  );
}

/** "Ghi nhận diễn biến", or a move to the next status with its date and grounds. */
function StepDialog({
  hotspot,
  step,
  onClose,
}: {
  hotspot: HotspotDetail;
  step: Step | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("hotspots");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const done = () => {
    onClose();
    void qc.invalidateQueries({ queryKey: ["hotspots"] });
  };
  const title =
    step === "evidence"
      ? t("hotspots.addEvidence")
      : step
        ? t("hotspots.moveTo", { status: t(`hotspots.statuses.${step}`) })
        : "";
  return (
    <Modal
      closeButtonProps={{ "aria-label": tc("common.close") }}
      opened={step !== null}
      onClose={onClose}
      title={title}
    >
      {step === "evidence" ? (
        <ActionForm
          submitLabel={t("hotspots.save")}
          fields={[
            { name: "observedOn", label: t("hotspots.observedOn"), kind: "date", required: true },
            { name: "summary", label: t("hotspots.summary"), kind: "textarea", required: true },
            { name: "incidents", label: t("hotspots.incidents"), kind: "number" },
          ]}
          onSubmit={(b) => recordHotspotEvidence(hotspot.id, b)}
          onDone={done}
        />
      ) : step ? (
        <ActionForm
          submitLabel={t("hotspots.save")}
          fields={[
            { name: "date", label: t("hotspots.date"), kind: "date", required: true },
            { name: "reason", label: t("hotspots.moveReason"), kind: "textarea", required: true },
          ]}
          extra={(b) => ({ ...b, status: step })}
          onSubmit={(b) => moveHotspot(hotspot.id, b)}
          onDone={done}
        />
      ) : null}
    </Modal>
  );
}
