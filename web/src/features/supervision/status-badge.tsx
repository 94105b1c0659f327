import "../../locales/register-supervision";
import type { SupervisionStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../components/status-badge";

const TONES: Record<SupervisionStatus, StatusTone> = {
  // Dark shades: white words on them keep a 4.5:1 contrast.
  planned: { color: "gray.8", variant: "outline" },
  ongoing: { color: "blue.9" },
  closed: { color: "teal.9" },
  cancelled: { color: "gray.8" },
};

export function SupervisionStatusBadge({ status }: { status: SupervisionStatus }) {
  const { t } = useTranslation("supervision");
  return <StatusBadge label={t(`supervision.statuses.${status}`)} tone={TONES[status]} />;
}
