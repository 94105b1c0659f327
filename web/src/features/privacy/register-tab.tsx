import { Anchor, Button, Modal, Stack, Text } from "@mantine/core";
import {
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  DATA_CATEGORY_LABELS,
  LEGAL_BASIS_LABELS,
  STORAGE_KIND_LABELS,
  type ConsentText,
  type ProcessingActivity,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { DataTable, type Column } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { formatDate } from "../../lib/format";
import { consentTextsQuery, createConsentText, IMPACT_ASSESSMENT_URL, registerQuery } from "./api";

/** The register of processing as the server keeps it next to the schema; the dossier export. */
export function RegisterTab() {
  const { t, i18n } = useTranslation(["privacy", "console"]);
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = useQuery(registerQuery());
  const columns: Column<ProcessingActivity>[] = [
    {
      key: "activity",
      header: t("register.activity"),
      cell: (a) => (
        <Stack gap={2}>
          <Text fw={600} size="sm" className="td-break">
            {a.titleVi}
          </Text>
          <Text size="xs" c="dimmed" className="td-break">
            {a.purposeVi}
          </Text>
        </Stack>
      ),
    },
    {
      key: "basis",
      header: t("register.basis"),
      cell: (a) => (
        <Stack gap={2}>
          <Text size="sm">{LEGAL_BASIS_LABELS[a.legalBasis][lang]}</Text>
          <Text size="xs" c="dimmed" className="td-break">
            {a.lawVi}
          </Text>
        </Stack>
      ),
    },
    {
      key: "categories",
      header: t("register.categories"),
      cell: (a) => (
        <Stack gap={4}>
          {a.categories.map((c) => (
            <Text key={c} size="sm" fw={600} c={c === "sensitive" ? "red.9" : "gray.7"}>
              {DATA_CATEGORY_LABELS[c][lang]}
            </Text>
          ))}
          <Text size="xs" className="td-break">
            {a.dataTypesVi.join("; ")}
          </Text>
        </Stack>
      ),
    },
    {
      key: "readers",
      header: t("register.readers"),
      cell: (a) => (
        <Text size="xs" className="td-break">
          {a.readers.map((r) => t(`console:roles.${r}`)).join(", ")}
        </Text>
      ),
    },
    {
      key: "storage",
      header: t("register.storage"),
      cell: (a) => (
        <Stack gap={2}>
          <Text size="sm">{STORAGE_KIND_LABELS[a.storage][lang]}</Text>
          <Text size="xs" c="dimmed" className="td-break">
            {a.storageVi}
          </Text>
        </Stack>
      ),
    },
    {
      key: "retention",
      header: t("register.retention"),
      cell: (a) => (
        <Text size="xs" className="td-break">
          {a.retentionVi}
        </Text>
      ),
    },
  ];
  return (
    <QueryState query={q}>
      {(reg) => (
        <Stack gap="sm">
          {reg.can.exportImpactAssessment && (
            <div>
              <Anchor href={IMPACT_ASSESSMENT_URL}>{t("register.export")}</Anchor>
            </div>
          )}
          <DataTable
            label={t("register.label")}
            columns={columns}
            rows={reg.items}
            rowKey={(a) => a.id}
            minWidth={1100}
          />
        </Stack>
      )}
    </QueryState>
  );
}

/** Consent texts per purpose, every version; a new version where the server says the caller may. */
export function ConsentTab() {
  const { t, i18n } = useTranslation("privacy");
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = useQuery(consentTextsQuery());
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const columns: Column<ConsentText>[] = [
    { key: "purpose", header: t("consent.purpose"), cell: (c) => CONSENT_PURPOSE_LABELS[c.purpose][lang] },
    {
      key: "version",
      header: t("consent.version"),
      cell: (c) => (
        <Stack gap={2}>
          <span>
            {c.version} · {formatDate(c.createdAt)}
          </span>
          <Text size="sm" fw={600} c={c.current ? "teal.9" : "gray.7"}>
            {c.current ? t("consent.current") : t("consent.old")}
          </Text>
        </Stack>
      ),
    },
    { key: "text", header: t("consent.text"), cell: (c) => <span className="td-break">{c.textVi}</span> },
    {
      key: "withdrawal",
      header: t("consent.withdrawal"),
      cell: (c) => <span className="td-break">{c.withdrawalConsequenceVi}</span>,
    },
  ];
  return (
    <QueryState query={q}>
      {(list) => (
        <Stack gap="sm">
          <Text size="sm">{t("consent.note")}</Text>
          {list.can.create && (
            <div>
              <Button onClick={() => setOpen(true)}>{t("consent.new")}</Button>
            </div>
          )}
          <DataTable
            label={t("consent.label")}
            columns={columns}
            rows={list.items}
            rowKey={(c) => c.id}
            minWidth={900}
          />
          <Modal opened={open} onClose={() => setOpen(false)} title={t("consent.new")} size="lg">
            <ActionForm
              submitLabel={t("consent.submit")}
              fields={[
                {
                  name: "purpose",
                  label: t("consent.purpose"),
                  kind: "select",
                  options: CONSENT_PURPOSES.map((p) => ({
                    value: p,
                    label: CONSENT_PURPOSE_LABELS[p][lang],
                  })),
                },
                { name: "textVi", label: t("consent.text"), kind: "textarea", required: true },
                {
                  name: "withdrawalConsequenceVi",
                  label: t("consent.withdrawal"),
                  kind: "textarea",
                  required: true,
                },
              ]}
              onSubmit={createConsentText}
              onDone={() => {
                setOpen(false);
                void qc.invalidateQueries({ queryKey: ["privacy", "consent-texts"] });
              }}
            />
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}
