import "../../locales/register-supervision";
import type { SupervisionStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../components/status-badge";

const TONES: Record<SupervisionStatus, StatusTone> = {
  planned: { color: "gray", variant: "outline" },
  ongoing: { color: "blue" },
  closed: { color: "green" },
  cancelled: { color: "gray" },
};

export function SupervisionStatusBadge({ status }: { status: SupervisionStatus }) {
  const { t } = useTranslation("supervision");
  return <StatusBadge label={t(`supervision.statuses.${status}`)} tone={TONES[status]} />;
}
