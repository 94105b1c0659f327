import type { MantineSize } from "@mantine/core";
import type { Commendation } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/status-badge";

/** "Đã đề nghị", "Đã quyết định"… in words. */
export function CommendationStatusBadge({
  status,
  size,
}: {
  status: Commendation["status"];
  size?: MantineSize;
}) {
  const { t } = useTranslation("commendations");
  return <StatusBadge label={t(`commendations.statuses.${status}`)} tone={{ color: "blue.9" }} size={size} />;
}
