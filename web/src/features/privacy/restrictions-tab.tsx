import "../../locales/register-privacy";
import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { RestrictedRecord, RestrictionSource } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../components/anchor-link";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../lib/format";
import { liftRestriction, listRestrictions } from "./api";
import { recordColumns } from "./record-columns";

/** The module each kind of restricted record belongs to (the `modules.*` labels). */
const MODULE_OF: Record<RestrictionSource, string> = {
  household: "households",
  group_member: "groups",
  tip: "tips",
  feedback: "feedback",
};
type Row = RestrictedRecord & { module: string };

/**
 * Records restricted at data subjects' requests: the officer gives a reason to see them (each
 * listing is logged) and lifts one with a reason, which brings it back into its unit's lists.
 */
export function RestrictionsTab() {
  const { t } = useTranslation("privacy");
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const [lifting, setLifting] = useState<Row | null>(null);
  const [liftReason, setLiftReason] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [done, setDone] = useState(false);
  const show = useMutation({
    mutationFn: () => listRestrictions(reason.trim()),
    onSuccess: (list) => {
      setDone(false);
      setRows(list.items.map((x) => ({ ...x, module: MODULE_OF[x.source] })));
    },
  });
  const lift = useMutation({
    mutationFn: (x: Row) =>
      liftRestriction({ source: x.source, recordId: x.recordId, reason: liftReason.trim() }),
    onSuccess: (res) => {
      setRows((all) => all?.filter((x) => !(x.source === res.source && x.recordId === res.recordId)) ?? null);
      setLifting(null);
      setLiftReason("");
      setDone(true);
      void qc.invalidateQueries({ queryKey: ["privacy", "overview"] });
    },
  });
  const columns: Column<Row>[] = [
    ...recordColumns<Row>(t),
    {
      key: "detail",
      header: t("restrictions.detail"),
      cell: (x) => (
        <Text size="xs" className="td-break">
          {x.detailVi ?? "—"}
        </Text>
      ),
    },
    { key: "at", header: t("restrictions.restrictedAt"), cell: (x) => formatDateTime(x.restrictedAt) },
    {
      key: "request",
      header: t("restrictions.request"),
      cell: (x) => (
        <AnchorLink to="/du-lieu-ca-nhan/yeu-cau/$id" params={{ id: x.requestId }} size="sm">
          {t("restrictions.openRequest")}
        </AnchorLink>
      ),
    },
    {
      key: "lift",
      header: "",
      cell: (x) =>
        x.can.lift && (
          <Button size="xs" variant="light" onClick={() => setLifting(x)}>
            {t("restrictions.lift")}
          </Button>
        ),
    },
  ];
  return (
    <Stack gap="sm">
      <Text size="sm">{t("restrictions.intro")}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          show.mutate();
        }}
        noValidate
      >
        <Group align="flex-end">
          <TextInput
            label={t("restrictions.reason")}
            description={t("restrictions.reasonHelp")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit" loading={show.isPending} disabled={reason.trim().length < 5}>
            {t("restrictions.show")}
          </Button>
        </Group>
      </form>
      {show.error && <ErrorAlert error={show.error} />}
      {done && (
        <Text size="sm" role="status">
          {t("restrictions.lifted")}
        </Text>
      )}
      {rows &&
        (rows.length === 0 ? (
          <Text size="sm">{t("restrictions.empty")}</Text>
        ) : (
          <DataTable
            label={t("restrictions.label")}
            columns={columns}
            rows={rows}
            rowKey={(x) => `${x.source}:${x.recordId}`}
            minWidth={880}
          />
        ))}
      <ConfirmDialog
        opened={lifting !== null}
        onClose={() => {
          setLifting(null);
          lift.reset();
        }}
        title={t("restrictions.liftTitle")}
        confirmLabel={t("restrictions.lift")}
        cancelLabel={t("restrictions.cancel")}
        onConfirm={() => lifting && liftReason.trim().length >= 5 && lift.mutate(lifting)}
        pending={lift.isPending}
        error={lift.error}
      >
        <Stack gap="xs">
          <Text size="sm">
            {lifting?.labelVi}
            {lifting?.orgUnitName ? ` — ${lifting.orgUnitName}` : ""}
          </Text>
          <Text size="sm">{t("restrictions.liftIntro")}</Text>
          <Textarea
            label={t("restrictions.liftReason")}
            description={t("restrictions.reasonHelp")}
            value={liftReason}
            onChange={(e) => setLiftReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}
