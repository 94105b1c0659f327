import "../../locales/register-console";
import "../../locales/register-pilots";
import { Button, Modal, NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { PILOT_STAGES, type PilotDetail, type PilotStage } from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { Fact } from "../../components/fact";
import { ListPage, ListSection } from "../../components/list-page";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { designatePilot, modelTypesQuery, pilotListQuery, pilotTotalsQuery } from "./api";

type Pilot = PilotDetail;

/** Pilots ("xây dựng điểm") in scope: totals, the list by stage, and "Chọn điểm" for those who manage. */
export function PilotsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("pilots");
  const { t: tc } = useTranslation("console");
  usePageTitle(t("pilots.title"));
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [stage, setStage] = useState<PilotStage | null>(null);
  const query = useInfiniteQuery(pilotListQuery(stage));
  const totals = useQuery(pilotTotalsQuery()).data;
  if (!can(user, "group.read")) return <NotFoundContent />;
  const columns: Column<Omit<Pilot, "evaluations" | "replicationList" | "can">>[] = [
    {
      key: "unit",
      header: t("pilots.unit"),
      cell: (p) => (
        <AnchorLink to="/xay-dung-diem/$id" params={{ id: p.id }}>
          {p.orgUnitName}
        </AnchorLink>
      ),
    },
    { key: "topic", header: t("pilots.topic"), cell: (p) => p.groupName ?? p.topic },
    {
      key: "decision",
      header: t("pilots.decisionNumber"),
      cell: (p) => `${p.decisionNumber} · ${formatDate(p.decisionOn)}`,
    },
    { key: "stage", header: t("pilots.stage"), cell: (p) => t(`pilots.stages.${p.stage}`) },
    {
      key: "replications",
      header: t("pilots.replications"),
      numeric: true,
      cell: (p) => formatNumber(p.replications),
    },
  ];
  return (
    <ListPage
      title={t("pilots.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("pilots.designate")}</Button>
        )
      }
    >
      {totals && (
        <SimpleGrid
          cols={{ base: 2, sm: 3, md: 5 }}
          spacing="xs"
          component="dl"
          m={0}
          aria-label={t("pilots.totals")}
        >
          <Fact label={t("pilots.totalDesignated")}>{formatNumber(totals.designated)}</Fact>
          <Fact label={t("pilots.totalEvaluated")}>{formatNumber(totals.evaluated)}</Fact>
          <Fact label={t("pilots.totalReplicable")}>{formatNumber(totals.replicable)}</Fact>
          <Fact label={t("pilots.totalReplicated")}>{formatNumber(totals.replicated)}</Fact>
          <Fact label={t("pilots.totalReplications")}>{formatNumber(totals.replications)}</Fact>
        </SimpleGrid>
      )}
      <NativeSelect
        label={t("pilots.stage")}
        maw={260}
        value={stage ?? ""}
        onChange={(e) => setStage((e.currentTarget.value || null) as PilotStage | null)}
        data={[
          { value: "", label: t("pilots.allStages") },
          ...PILOT_STAGES.map((s) => ({ value: s, label: t(`pilots.stages.${s}`) })),
        ]}
      />
      <ListSection title={t("pilots.title")} id="pilot-list" query={query} empty={t("pilots.none")}>
        {(items) => (
          <DataTable
            label={t("pilots.title")}
            columns={columns}
            rows={items}
            rowKey={(p) => p.id}
            minWidth={640}
          />
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("pilots.designate")}
        size="lg"
      >
        <DesignateForm
          onDone={(p) => {
            setCreating(false);
            void navigate({ to: "/xay-dung-diem/$id", params: { id: p.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}

/** The unit, the model type and topic, the decision. */
function DesignateForm({ onDone }: { onDone: (p: PilotDetail) => void }) {
  const { t, i18n } = useTranslation("pilots");
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const types = (useQuery(modelTypesQuery).data?.items ?? []).filter((x) => x.category === "model");
  return (
    <Stack gap="sm">
      <UnitField
        label={t("pilots.unit")}
        description={t("pilots.unitHint")}
        value={unitId}
        onChange={setUnitId}
        required
        kinds={["commune", "residential_area"]}
      />
      <ActionForm
        submitLabel={t("pilots.save")}
        fields={[
          {
            name: "typeCode",
            label: t("pilots.type"),
            kind: "select",
            options: [
              { value: "", label: t("pilots.noType") },
              ...types.map((x) => ({ value: x.code, label: i18n.language === "en" ? x.nameEn : x.nameVi })),
            ],
          },
          { name: "topic", label: t("pilots.topic"), required: true },
          { name: "decisionNumber", label: t("pilots.decisionNumber"), required: true },
          { name: "decisionOn", label: t("pilots.decisionOn"), kind: "date", required: true },
          { name: "decisionIssuer", label: t("pilots.decisionIssuer"), required: true },
          { name: "note", label: t("pilots.note"), kind: "textarea" },
        ]}
        extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
        onSubmit={designatePilot}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ["pilots"] });
          onDone(r as PilotDetail);
        }}
      />
    </Stack>
  );
}
