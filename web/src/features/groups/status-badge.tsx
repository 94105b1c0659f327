import type { GroupStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../components/status-badge";

const TONE: Record<GroupStatus, StatusTone> = {
  pilot: { color: "blue.9", variant: "outline" },
  active: { color: "teal.9", variant: "filled" },
  dissolved: { color: "gray.7", variant: "outline" },
};

/** The status in words, with a colour as a second signal only. */
export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation("console");
  return <StatusBadge label={t(`groupStatuses.${status}`)} tone={TONE[status]} />;
}
