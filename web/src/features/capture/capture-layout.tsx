import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/use-page-title";
import type { OutboxEntry } from "./outbox/db";

/** A capture screen: back link, one heading, the form; after a save, the note and "Ghi tiếp". */
export function CaptureLayout({
  title,
  saved,
  onAnother,
  fixing,
  children,
}: {
  title: string;
  saved: boolean;
  onAnother: () => void;
  fixing?: OutboxEntry | null;
  children: ReactNode;
}) {
  const { t } = useTranslation("capture");
  usePageTitle(title);
  return (
    <Stack gap="md" maw={560} mx="auto" pb="xl">
      <Anchor component={Link} to="/thu-thap" size="md">
        ← {t("hub.back")}
      </Anchor>
      <Title order={1} size="h2">
        {title}
      </Title>
      {fixing?.error && (
        <Alert color="red" title={t(`states.${fixing.state}`)}>
          {fixing.error.message ?? fixing.error.code}
        </Alert>
      )}
      {saved ? (
        <Alert color="green" role="status" title={t("form.saved")}>
          <Group mt="sm">
            <Button size="md" onClick={onAnother}>
              {t("form.another")}
            </Button>
            <Button size="md" variant="default" component={Link} to="/thu-thap">
              {t("hub.back")}
            </Button>
          </Group>
        </Alert>
      ) : (
        children
      )}
    </Stack>
  );
}

/** Big, thumb-sized submit button. */
export function SaveButton({ label, loading }: { label: string; loading?: boolean }) {
  return (
    <Button type="submit" size="lg" fullWidth loading={loading} mt="sm">
      {label}
    </Button>
  );
}

export function NoReference() {
  const { t } = useTranslation("capture");
  return <Text c="dimmed">{t("form.noRef")}</Text>;
}
