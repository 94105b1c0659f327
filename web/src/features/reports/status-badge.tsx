import type { ReportStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/status-badge";
import { STATUS_BADGE } from "./api";

/** The report's status in words (colour is never the only signal). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation("reports");
  return <StatusBadge label={t(`reports.statuses.${status}`)} tone={STATUS_BADGE[status]} />;
}
