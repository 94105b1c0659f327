import type { Deadline } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/status-badge";
import { formatDate } from "../../lib/format";

/** A legal deadline with the working days left: red when late, orange when ≤ 1 day. */
export function DeadlineBadge({ d }: { d: Deadline }) {
  const { t } = useTranslation("cases");
  if (d.doneOn) return <span>{t("cases.done", { date: formatDate(d.doneOn) })}</span>;
  const n = d.workingDaysLeft ?? 0;
  const text =
    n < 0 ? t("cases.overdue", { n: -n }) : n === 0 ? t("cases.dueToday") : t("cases.daysLeft", { n });
  return (
    <span>
      {formatDate(d.dueOn)}{" "}
      <StatusBadge label={text} tone={{ color: n < 0 ? "red.9" : n <= 1 ? "#a63a0b" : "gray.8" }} size="sm" />
    </span>
  );
}
