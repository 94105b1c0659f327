import { Anchor, Button, Container, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../components/use-page-title";
import { landingPath } from "../lib/landing";
import { useSession } from "../lib/use-session";
import { PublicFrame } from "./public-layout";

/** The body of every "not found" answer: unknown route, or an API 404 (absent or not visible). */
export function NotFoundContent() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t("notFound.title"));
  return (
    <Stack gap="md" py="xl" data-testid="not-found">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
      <Group gap="lg">
        <Anchor component={Link} to="/" reloadDocument>
          {t("notFound.home")}
        </Anchor>
        <Anchor component={Link} to={session ? landingPath(session.user) : "/dang-nhap"}>
          {t("notFound.console")}
        </Anchor>
      </Group>
    </Stack>
  );
}

export function NotFoundPage() {
  return (
    <PublicFrame>
      <Container size="md">
        <NotFoundContent />
      </Container>
    </PublicFrame>
  );
}

export function ErrorPage({ reset }: { reset?: () => void }) {
  const { t } = useTranslation();
  return (
    <PublicFrame>
      <Container size="md">
        <Stack gap="md" py="xl">
          <Title order={1}>{t("errors.fallbackNoId")}</Title>
          <Group>
            <Button onClick={() => (reset ? reset() : window.location.reload())}>{t("retry")}</Button>
            <Anchor component={Link} to="/" reloadDocument>
              {t("notFound.home")}
            </Anchor>
          </Group>
        </Stack>
      </Container>
    </PublicFrame>
  );
}
