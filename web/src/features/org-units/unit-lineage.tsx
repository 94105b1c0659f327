import { Badge, Group, Stack, Text } from "@mantine/core";
import type { OrgUnitDetail } from "@toandan/contracts";
import { AnchorLink } from "../../components/anchor-link";
import { useTranslation } from "react-i18next";
import { kindLabel, validityText } from "./labels";

/** Successors ("Thuộc đơn vị hiện nay") or predecessors ("Hình thành từ") with full/partial merges. */
export function LineageList({ links }: { links: OrgUnitDetail["successors"] }) {
  const { t } = useTranslation("console");
  return (
    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
      {links.map(({ unit, mergeType }) => (
        <li key={unit.id}>
          <Group gap="xs" wrap="wrap">
            <Text className="td-break">
              <AnchorLink to="/don-vi/$id" params={{ id: unit.id }}>
                {unit.fullName}
              </AnchorLink>
            </Text>
            <Badge variant="outline" color={mergeType === "full" ? "gray.8" : "brand.8"} radius="sm">
              {t(`unit.merge.${mergeType}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {[kindLabel(t, unit.kind), unit.code, validityText(t, unit)].filter(Boolean).join(" · ")}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
