import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { type GroupDetail, type GroupStatus, todayInVietnam } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { formatDate, parseVnDate } from "../../lib/format";

/** Buttons for the moves the server says the caller may make from the current status. */
export function StatusActions({ group, onDone }: { group: GroupDetail; onDone: (s: GroupStatus) => void }) {
  const { t } = useTranslation("console");
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<GroupStatus | null>(null);
  const [date, setDate] = useState(formatDate(todayInVietnam()));
  const [reason, setReason] = useState("");
  const next: readonly GroupStatus[] = group.can.moveTo;
  const mutation = useMutation({
    mutationFn: (body: { status: GroupStatus; date: string; reason?: string }) =>
      api<unknown>(`/groups/${group.id}/status`, { method: "POST", body }),
    onSuccess: async (_d, body) => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      setTarget(null);
      onDone(body.status);
    },
  });
  if (next.length === 0) return null;
  const iso = parseVnDate(date);
  return (
    <>
      <Group gap="sm">
        {next.map((s) => (
          <Button
            key={s}
            variant={s === "dissolved" ? "outline" : "filled"}
            color={s === "dissolved" ? "red.8" : undefined}
            onClick={() => {
              mutation.reset();
              setTarget(s);
            }}
          >
            {t(`status.to.${group.status}_${s}` as "status.to.pilot_active")}
          </Button>
        ))}
      </Group>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t(`status.to.${group.status}_${target}` as "status.to.pilot_active") : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!target || !iso) return;
            mutation.mutate({ status: target, date: iso, reason: reason.trim() || undefined });
          }}
        >
          <Stack gap="sm">
            {mutation.isError && <ErrorAlert error={mutation.error} />}
            <DateField
              label={t("status.date")}
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={iso ? undefined : t("common.dateInvalid")}
            />
            <Textarea
              label={t("status.reason")}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={!iso}>
                {t("status.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
