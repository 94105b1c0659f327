import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format";
import { captureUnit } from "./reference";
import { SyncStatus } from "./sync-status";
import { useCapture } from "./use-capture";

const TILES = [
  { to: "/thu-thap/hoat-dong", title: "hub.activity", hint: "hub.activityHint" },
  { to: "/thu-thap/ho-gia-dinh", title: "hub.household", hint: "hub.householdHint" },
  { to: "/thu-thap/to", title: "hub.roster", hint: "hub.rosterHint" },
  { to: "/thu-thap/truc", title: "hub.duty", hint: "hub.dutyHint" },
] as const;

/** The residential-area cadre's capture screen: four big tiles, the outbox, the area's data. */
export function CaptureHubPage() {
  const { t } = useTranslation("capture");
  const { user, reference } = useCapture();
  usePageTitle(t("hub.title"));
  const unit = captureUnit(user);
  return (
    <Stack gap="md" maw={560} mx="auto" pb="xl">
      <Title order={1} size="h2">
        {t("hub.title")}
      </Title>
      {unit ? <Text fw={600}>{t("hub.area", { name: unit.name })}</Text> : <Text>{t("hub.noUnit")}</Text>}
      <Text size="sm">{t("hub.intro")}</Text>
      <SyncStatus accountId={user.id} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {TILES.map((tile) => (
          <Card
            key={tile.to}
            component={Link}
            to={tile.to}
            withBorder
            padding="md"
            radius="md"
            mih={88}
            className="td-capture-tile"
          >
            <Text fw={700} size="lg" c="brand.8">
              {t(tile.title)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(tile.hint)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Anchor component={Link} to="/thu-thap/tren-may" fw={600} size="lg">
        {t("hub.outbox")} →
      </Anchor>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {reference.refreshing
            ? t("hub.refRefreshing")
            : reference.fetchedAt
              ? t("hub.refData", { at: formatDateTime(new Date(reference.fetchedAt).toISOString()) })
              : t("hub.refNever")}
        </Text>
        <Button size="xs" variant="subtle" onClick={reference.refresh} disabled={reference.refreshing}>
          {t("hub.refRefresh")}
        </Button>
      </Group>
    </Stack>
  );
}
