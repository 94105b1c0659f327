import { Alert, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { CASE_GROUPS, SUPPORT_KINDS, type CaseDetail, type TransferCaseResult } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitBodiesQuery } from "../../api/org-units";
import { ActionForm, type Field } from "../../components/action-form";
import { UnitField } from "../../components/unit-field";
import { transferDestinationsQuery, post } from "./api";
import { recentPeriods } from "./quarters";

export type Action = "assign" | "report" | "classify" | "support" | "close" | "transfer" | "receive";

/** The form of one action on a file; which actions exist comes from the file's `can`. */
export function ActionBody({
  action,
  file,
  onDone,
  onTransferred,
}: {
  action: Action;
  file: CaseDetail;
  onDone: (r: unknown) => void;
  onTransferred: (r: TransferCaseResult) => void;
}) {
  const { t, i18n } = useTranslation("cases");
  const lang = i18n.language === "en" ? "en" : "vi";
  const bodies = useQuery(unitBodiesQuery(action === "assign" ? file.communeId : null)).data?.bodies ?? [];
  if (action === "transfer") return <TransferForm file={file} onDone={onTransferred} />;
  if (action === "receive") return <ReceiveForm file={file} onDone={onDone} />;
  const monthly = file.reportCadence === "monthly";
  const quarters = recentPeriods("quarter", lang, 8);
  const fields: Record<Exclude<Action, "transfer" | "receive">, Field[]> = {
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
      monthly
        ? {
            name: "month",
            label: t("cases.month"),
            kind: "select",
            options: recentPeriods("month", lang, 12),
            required: true,
          }
        : { name: "quarter", label: t("cases.quarter"), kind: "select", options: quarters, required: true },
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
        // The legal grounds the server offers for this file, and the articles behind them.
        description: `${t("cases.basisLabel", {
          basis: [...new Set(file.closeOutcomes.map((o) => t(`cases.outcomeBasis.${o}`)))].join("; "),
        })}. ${t("cases.movedHint")}`,
        options: file.closeOutcomes.map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) })),
      },
      { name: "closedOn", label: t("cases.closedOn"), kind: "date", required: true },
      { name: "decisionNumber", label: t("cases.decisionNumber") },
      { name: "notes", label: t("cases.notes"), kind: "textarea" },
    ],
  };
  const paths = {
    assign: "assignment",
    report: "reports",
    classify: "classifications",
    support: "supports",
    close: "close",
  } as const;
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

/** Any current commune of the country, searched by name (the server answers names only). */
function DestinationPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation("cases");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const found = useQuery(transferDestinationsQuery(q)).data?.items ?? [];
  const options = found.map((c) => ({
    value: c.id,
    label: [c.name, c.provinceName, c.code].filter(Boolean).join(" — "),
  }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Select
      label={t("cases.toCommune")}
      placeholder={t("cases.toCommuneSearch")}
      required
      searchable
      clearable
      filter={({ options: o }) => o}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        setPicked(options.find((o) => o.value === v) ?? null);
        onChange(v);
      }}
      nothingFoundMessage={q.length >= 2 ? "—" : undefined}
    />
  );
}

function TransferForm({ file, onDone }: { file: CaseDetail; onDone: (r: TransferCaseResult) => void }) {
  const { t } = useTranslation("cases");
  const [to, setTo] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="outline">
        <Text size="sm">{t("cases.transferIntro")}</Text>
        <Text size="sm" mt={4}>
          {t("cases.basisLabel", { basis: t("cases.transferBasis") })}
        </Text>
      </Alert>
      <DestinationPicker value={to} onChange={setTo} />
      <ActionForm
        fields={[
          { name: "movedOn", label: t("cases.movedOn"), kind: "date", required: true },
          { name: "reason", label: t("cases.transferReason"), kind: "textarea", required: true },
        ]}
        submitLabel={t("cases.transfer")}
        extra={(b) => ({ ...b, toCommuneId: to ?? "" })}
        onSubmit={(b) => post<TransferCaseResult>(`/cases/${file.id}/transfer`, b)}
        onDone={(r) => onDone(r as TransferCaseResult)}
      />
    </Stack>
  );
}

function ReceiveForm({ file, onDone }: { file: CaseDetail; onDone: (r: unknown) => void }) {
  const { t } = useTranslation("cases");
  const [unitId, setUnitId] = useState<string | null>(file.communeId);
  return (
    <Stack gap="sm">
      <Text size="sm">{t("cases.basisLabel", { basis: t("cases.transferBasis") })}</Text>
      <UnitField
        label={t("cases.receiveResidence")}
        value={unitId}
        onChange={setUnitId}
        required
        kinds={["commune", "residential_area"]}
      />
      <ActionForm
        fields={[
          { name: "residenceCheckedOn", label: t("cases.residenceCheckedOn"), kind: "date", required: true },
          { name: "receivedOn", label: t("cases.receivedOn"), kind: "date", required: true },
        ]}
        submitLabel={t("cases.receive")}
        extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
        onSubmit={(b) => post<CaseDetail>(`/cases/${file.id}/transfer/receive`, b)}
        onDone={onDone}
      />
    </Stack>
  );
}
