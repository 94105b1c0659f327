import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useNetwork } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../lib/format";
import { useOutbox } from "./outbox/runtime";

/** Where the records stand: how many wait or failed, the network, the session, and "Gửi ngay". */
export function SyncStatus({ accountId }: { accountId: string }) {
  const { t } = useTranslation("capture");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { online } = useNetwork();
  const { counts, others, outcome, syncing, sendNow } = useOutbox(accountId, queryClient);
  const pending = counts.total;
  return (
    <Stack gap="xs">
      {!online && (
        <Alert color="yellow" role="status">
          {t("status.offline")}
        </Alert>
      )}
      {outcome?.stopped === "signedOut" && (
        <Alert color="orange" role="status">
          {t("status.signedOut")}{" "}
          <Anchor
            component="button"
            type="button"
            onClick={() => void navigate({ to: "/dang-nhap", search: { redirect: "/thu-thap" } })}
          >
            {t("status.signIn")}
          </Anchor>
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text fw={600} data-testid="outbox-count" aria-live="polite">
          {pending > 0 ? t("status.badge", { count: pending }) : t("status.badgeNone")}
        </Text>
        <Button
          size="md"
          style={{ flex: "none" }}
          onClick={() => void sendNow()}
          loading={syncing}
          disabled={counts.waiting === 0}
        >
          {t("status.sendNow")}
        </Button>
      </Group>
      {counts.failed + counts.conflict + counts.locked > 0 && (
        <Anchor component={Link} to="/thu-thap/tren-may" c="red.9" fw={600}>
          {t("states.failed")}: {counts.failed} · {t("states.conflict")}: {counts.conflict} ·{" "}
          {t("states.locked")}: {counts.locked}
        </Anchor>
      )}
      {outcome?.retryAt && counts.waiting > 0 && (
        <Text size="sm" c="dimmed">
          {t("status.retryAt", { at: formatTime(new Date(outcome.retryAt)) })}
        </Text>
      )}
      {others > 0 && (
        <Text size="sm" c="dimmed">
          {t("status.others", { count: others })}
        </Text>
      )}
    </Stack>
  );
}
