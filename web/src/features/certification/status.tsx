import { Text } from "@mantine/core";
import type { CertificationCycle, CertificationStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/status-badge";
import { formatDate } from "../../lib/format";

const COLOR: Record<CertificationStatus, string> = {
  registered: "gray.8",
  self_assessed: "blue.9",
  reviewed: "indigo.9",
  appraised: "violet.9",
  recognised: "teal.9",
  not_recognised: "red.9",
};

/** The cycle's step in words (colour is never the only signal). */
export function CycleStatusBadge({ status }: { status: CertificationStatus }) {
  const { t } = useTranslation("certification");
  return <StatusBadge label={t(`status.${status}`)} tone={{ color: COLOR[status], variant: "outline" }} />;
}

/** "Hạn quyết định 15/11/2026 · còn 5 ngày" (or overdue, or the decision once made). */
export function DeadlineText({ cycle }: { cycle: CertificationCycle }) {
  const { t } = useTranslation("certification");
  if (cycle.decisionNumber && cycle.decisionDate) {
    return (
      <Text size="sm" c="dimmed">
        {t("decidedOn", { number: cycle.decisionNumber, date: formatDate(cycle.decisionDate) })}
      </Text>
    );
  }
  const left = cycle.daysLeft ?? 0;
  return (
    <Text size="sm" c={cycle.overdue ? "red.9" : "dimmed"} fw={cycle.overdue ? 700 : undefined}>
      {t("deadline", { date: formatDate(cycle.decisionDeadline) })} ·{" "}
      {cycle.overdue ? t("daysOverdue", { count: -left }) : t("daysLeft", { count: left })}
    </Text>
  );
}
