import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert";

/**
 * "Are you sure?" before a step that cannot be undone (delete, approve). Mantine's Modal traps
 * focus, closes on Escape and gives focus back to the button that opened it.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  pending = false,
  error,
  danger = false,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  pending?: boolean;
  /** The failure of the last attempt, if any. */
  error?: unknown;
  danger?: boolean;
}) {
  const { t } = useTranslation("console");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <ConfirmBody
        cancelLabel={cancelLabel}
        confirmLabel={confirmLabel}
        onCancel={onClose}
        onConfirm={onConfirm}
        pending={pending}
        error={error}
        danger={danger}
      >
        {children}
      </ConfirmBody>
    </Modal>
  );
}

/** The inside of a confirmation: the sentence, the error, "Hủy" and the confirming button. */
export function ConfirmBody({
  children,
  confirmLabel,
  cancelLabel,
  onCancel,
  onConfirm,
  pending = false,
  error,
  danger = false,
}: {
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onCancel: () => void;
  onConfirm: () => void;
  pending?: boolean;
  error?: unknown;
  danger?: boolean;
}) {
  const { t } = useTranslation("console");
  return (
    <Stack gap="sm">
      <Text>{children}</Text>
      {error ? <ErrorAlert error={error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t("common.cancel")}
        </Button>
        <Button color={danger ? "red.8" : undefined} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
