import { Button, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import {
  PROCESSING_EXCEPTION_LABELS,
  REQUEST_KIND_ACTIONS,
  type RecordActionEntry,
  type SubjectRequestDetail,
} from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable, type Column } from "../../components/data-table";
import { Section } from "../../components/section";
import { formatDateTime } from "../../lib/format";
import { executeRequest, requestQuery } from "./api";
import { recordColumns } from "./record-columns";

/**
 * Carrying the request out: the officer confirms (with the corrected values for a correction), the
 * server acts on every record found, and the outcome of each record is listed — done, or kept with
 * the ground and the reason the person is given.
 */
export function RequestExecution({ r }: { r: SubjectRequestDetail }) {
  const { t, i18n } = useTranslation("privacy");
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [fix, setFix] = useState({ fullName: "", phone: "", address: "" });
  const action = REQUEST_KIND_ACTIONS[r.kind];
  const run = useMutation({
    mutationFn: () => {
      const correction = Object.fromEntries(Object.entries(fix).filter(([, v]) => v.trim() !== ""));
      return executeRequest(r.id, {
        confirm: true,
        ...(action === "correct" ? { correction } : {}),
      });
    },
    onSuccess: (detail) => {
      setOpened(false);
      qc.setQueryData(requestQuery(r.id).queryKey, detail);
      void qc.invalidateQueries({ queryKey: ["privacy", "overview"] });
    },
  });
  if (!r.can.execute && !r.executedAt) return null;
  const columns: Column<RecordActionEntry>[] = [
    ...recordColumns<RecordActionEntry>(t),
    {
      key: "outcome",
      header: t("execute.outcome"),
      cell: (x) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} c={x.outcome === "kept" ? "orange.9" : undefined}>
            {t(`execute.${x.outcome}`)}
          </Text>
          {x.exception && (
            <Text size="xs" className="td-break">
              {PROCESSING_EXCEPTION_LABELS[x.exception][lang]}
            </Text>
          )}
          {x.reasonVi && (
            <Text size="xs" c="dimmed" className="td-break">
              {x.reasonVi}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  const field = (name: keyof typeof fix, label: string) => (
    <TextInput
      label={label}
      value={fix[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setFix((f) => ({ ...f, [name]: value }));
      }}
    />
  );
  return (
    <Section title={t("execute.title")} id="execute">
      <Stack gap="sm">
        {r.executedAt ? (
          <>
            <Text size="sm">{t("execute.executedAt", { at: formatDateTime(r.executedAt) })}</Text>
            <DataTable
              label={t("execute.outcomes")}
              columns={columns}
              rows={r.actions}
              rowKey={(x) => `${x.module}:${x.entityId}`}
              minWidth={720}
            />
          </>
        ) : (
          <>
            {action === "correct" && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {field("fullName", t("execute.newName"))}
                {field("phone", t("execute.newPhone"))}
                {field("address", t("execute.newAddress"))}
              </SimpleGrid>
            )}
            <div>
              <Button color={action === "erase" ? "red.8" : undefined} onClick={() => setOpened(true)}>
                {t("execute.button")}
              </Button>
            </div>
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t("execute.title")}
        confirmLabel={t("execute.confirm")}
        cancelLabel={t("execute.cancel")}
        onConfirm={() => run.mutate()}
        pending={run.isPending}
        error={run.error}
        danger={action === "erase"}
      >
        {t(`execute.intro_${action}`)}
        {action !== "access" && ` ${t("execute.intro_kept")}`}
      </ConfirmDialog>
    </Section>
  );
}
