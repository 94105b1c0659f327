import { Badge } from "@mantine/core";
import type { GroupStatus } from "@toandan/contracts";
import { useTranslation } from "react-i18next";

const COLOR = { pilot: "blue.9", active: "teal.9", dissolved: "gray.7" } as const;
const VARIANT = { pilot: "outline", active: "filled", dissolved: "outline" } as const;

/** The status in words, with a colour as a second signal only. */
export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation("console");
  return (
    <Badge color={COLOR[status]} variant={VARIANT[status]} radius="sm" style={{ textTransform: "none" }}>
      {t(`groupStatuses.${status}`)}
    </Badge>
  );
}
