import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import type { Report } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { ConfirmBody } from "../../components/confirm-dialog";
import { ErrorAlert } from "../../components/error-alert";
import { formatDate } from "../../lib/format";

export type Dialog = "return" | "approve" | "unlock";

/** Which dialog is open, and the last one opened (its title stays while it animates out). */
export function useDialog() {
  const [open, setOpen] = useState<Dialog | null>(null);
  const [shown, setShown] = useState<Dialog>("approve");
  return {
    open,
    shown,
    show: (d: Dialog) => {
      setShown(d);
      setOpen(d);
    },
    close: () => setOpen(null),
  };
}

/** Saves the new state of the report in the cache and refreshes the lists. */
export function useReportUpdated() {
  const queryClient = useQueryClient();
  return async (report: Report) => {
    queryClient.setQueryData(["report", report.id], report);
    await queryClient.invalidateQueries({ queryKey: ["reports"] });
  };
}

/**
 * The level above's steps on a report: return (a comment is required), approve (explains the
 * period lock), unlock (a reason is required). Mantine's Modal traps focus, closes on Escape and
 * gives focus back to the button that opened it.
 */
export function ReportDialog({
  report,
  dialog: { open, shown, close: onClose },
}: {
  report: Report;
  dialog: ReturnType<typeof useDialog>;
}) {
  const { t } = useTranslation("reports");
  const { t: tc } = useTranslation("console");
  const title = {
    return: t("report.returnTitle"),
    approve: t("report.approveTitle"),
    unlock: t("report.unlockTitle"),
  };
  return (
    <Modal
      opened={open !== null}
      onClose={onClose}
      title={title[shown]}
      closeButtonProps={{ "aria-label": tc("common.close") }}
    >
      {shown === "approve" ? (
        <ApproveForm report={report} onDone={onClose} />
      ) : (
        <TextStepForm report={report} step={shown} onDone={onClose} />
      )}
    </Modal>
  );
}

function period(report: Report) {
  // Approval locks the days the figures counted: the period's start to the cut-off.
  return {
    unit: report.orgUnitName,
    from: formatDate(report.lock?.periodFrom ?? report.periodFrom),
    to: formatDate(report.lock?.periodTo ?? report.cutOff),
  };
}

function ApproveForm({ report, onDone }: { report: Report; onDone: () => void }) {
  const { t } = useTranslation("reports");
  const updated = useReportUpdated();
  const approve = useMutation({
    mutationFn: () => api<Report>(`/reports/${report.id}/approve`, { method: "POST" }),
    onSuccess: async (r) => {
      await updated(r);
      onDone();
    },
  });
  return (
    <ConfirmBody
      cancelLabel={t("report.cancel")}
      confirmLabel={t("report.approveYes")}
      onCancel={onDone}
      onConfirm={() => approve.mutate()}
      pending={approve.isPending}
      error={approve.error}
    >
      {t("report.approveExplain", period(report))}
    </ConfirmBody>
  );
}

/** Return with a comment, or unlock the period with a reason: one required text, then the call. */
function TextStepForm({
  report,
  step,
  onDone,
}: {
  report: Report;
  step: "return" | "unlock";
  onDone: () => void;
}) {
  const { t } = useTranslation("reports");
  const { t: tp } = useTranslation();
  const updated = useReportUpdated();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const call = useMutation({
    mutationFn: async (value: string) => {
      if (step === "return") {
        return api<Report>(`/reports/${report.id}/return`, { method: "POST", body: { comment: value } });
      }
      await api("/period-locks/unlock", {
        method: "POST",
        body: {
          orgUnitId: report.orgUnitId,
          periodFrom: report.periodFrom,
          periodTo: report.periodTo,
          reason: value,
        },
      });
      return api<Report>(`/reports/${report.id}`);
    },
    onSuccess: async (r) => {
      await updated(r);
      await queryClient.invalidateQueries({ queryKey: ["report", report.id] });
      onDone();
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    call.mutate(text.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{t(step === "return" ? "report.returnExplain" : "report.unlockExplain", period(report))}</Text>
        <Textarea
          label={t(step === "return" ? "report.comment" : "report.reason")}
          description={step === "return" ? t("report.commentHint") : undefined}
          required
          autosize
          minRows={3}
          maxLength={step === "return" ? 2000 : 1000}
          data-autofocus
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? tp("validation.required") : undefined}
        />
        {call.isError && <ErrorAlert error={call.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("report.cancel")}
          </Button>
          <Button type="submit" loading={call.isPending} color={step === "return" ? "red.8" : undefined}>
            {t(step === "return" ? "report.returnYes" : "report.unlockYes")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
