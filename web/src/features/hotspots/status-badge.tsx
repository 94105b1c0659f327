import type { HotspotStatus } from "@toandan/contracts";
import type { MantineSize } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../components/status-badge";

const TONE: Record<HotspotStatus, StatusTone> = {
  designated: { color: "red.9" },
  transforming: { color: "#a63a0b" },
  transformed: { color: "green.9" },
  removed: { color: "gray.8" },
};

/** "Đang chuyển hóa"… (colour is never the only signal). */
export function HotspotStatusBadge({ status, size }: { status: HotspotStatus; size?: MantineSize }) {
  const { t } = useTranslation("hotspots");
  return <StatusBadge label={t(`hotspots.statuses.${status}`)} tone={TONE[status]} size={size} />;
}
