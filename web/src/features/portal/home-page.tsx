import { Button, Container, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/use-page-title";

const PILLARS = ["report", "safe", "festival"] as const;

/** The public home page: what the movement is, and the way in for officials. Later: the citizen portal. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  return (
    <>
      <section style={{ background: "var(--mantine-color-brand-0)" }}>
        <Container size="lg" py={48}>
          <Stack gap="md" maw={760}>
            <Text fw={600} c="brand.9" tt="uppercase" size="sm">
              {t("home.eyebrow")}
            </Text>
            <Title order={1} c="brand.9">
              {t("home.title")}
            </Title>
            <Text size="lg">{t("home.lead")}</Text>
            <div>
              <Button component={Link} to="/dang-nhap" size="md">
                {t("home.signInCta")}
              </Button>
            </div>
          </Stack>
        </Container>
      </section>
      <Container size="lg" py="xl">
        <Stack gap="lg">
          <Title order={2}>{t("home.pillarsTitle")}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            {PILLARS.map((key) => (
              <Paper key={key} withBorder p="lg" component="article">
                <Title order={3} size="h4" mb="xs">
                  {t(`home.pillars.${key}.title`)}
                </Title>
                <Text>{t(`home.pillars.${key}.body`)}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="lg" component="section" aria-labelledby="coming-title">
            <Title order={2} size="h3" id="coming-title" mb="xs">
              {t("home.comingTitle")}
            </Title>
            <Text>{t("home.comingBody")}</Text>
          </Paper>
          <Text fw={700} c="brand.9">
            {t("home.emergency")}
          </Text>
        </Stack>
      </Container>
    </>
  );
}
