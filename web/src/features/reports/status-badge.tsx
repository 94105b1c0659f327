import { Badge } from "@mantine/core";
import type { ReportStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { STATUS_BADGE } from "./api";

/** The report's status in words (colour is never the only signal). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation("reports");
  const { color, variant } = STATUS_BADGE[status];
  return (
    <Badge color={color} variant={variant} radius="sm" maw="none" style={{ overflow: "visible" }}>
      {t(`reports.statuses.${status}`)}
    </Badge>
  );
}
