import "../../locales/register-capture";
import { Badge } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { registerPendingCounter } from "../../lib/pending-records";
import { pendingCount, syncEngine, useOutbox } from "./outbox/runtime";

registerPendingCounter(pendingCount);

/**
 * The shell's count of this account's records not yet sent (waiting, failed, conflict, locked).
 * Mounting it starts the sync: at app open, and on every reconnect.
 */
export function OutboxBadge({ accountId }: { accountId: string }) {
  const { t } = useTranslation("capture");
  const queryClient = useQueryClient();
  const { counts } = useOutbox(accountId, queryClient);
  useEffect(() => {
    void syncEngine(queryClient)
      .run(true)
      .catch(() => {});
  }, [queryClient, accountId]);
  if (counts.total === 0) return null;
  const attention = counts.failed + counts.conflict + counts.locked > 0;
  return (
    <Badge
      component={Link}
      to="/thu-thap/tren-may"
      size="lg"
      variant="filled"
      color={attention ? "red.9" : "gray.8"}
      aria-label={t("status.badge", { count: counts.total })}
      data-testid="outbox-badge"
      style={{ cursor: "pointer" }}
    >
      {counts.total}
    </Badge>
  );
}
