import "../../locales/register-commendations";
import { Alert, Button, Card, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/use-page-title";
import { exemplarsQuery } from "./api";

/**
 * The public register of good people and good deeds (no account). Kept light: one query, plain
 * cards, no console code; the page and its strings load as their own chunk.
 */
export function ExemplarsPage() {
  const { t } = useTranslation("commendations");
  usePageTitle(t("exemplars.title"));
  const query = useInfiniteQuery(exemplarsQuery());
  const items = query.data?.pages.flatMap((p) => p.items);
  return (
    <Stack gap="md">
      <Title order={1}>{t("exemplars.title")}</Title>
      <Text>{t("exemplars.intro")}</Text>
      {query.isError ? (
        <Alert color="red" variant="outline" role="alert">
          {t("exemplars.none")}
        </Alert>
      ) : !items ? (
        <Loader aria-label={t("exemplars.title")} />
      ) : (
        ((list) =>
          list.length === 0 ? (
            <Text>{t("exemplars.none")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: "none", padding: 0 }}>
              {list.map((e) => (
                <Card component="li" withBorder key={e.id}>
                  <Title order={2} size="h4">
                    {e.name}
                  </Title>
                  <Text size="sm">
                    {t(`exemplars.${e.nomineeKind}`)} · {e.unitName} · {e.year}
                  </Text>
                  <Text mt="xs">{e.deed}</Text>
                </Card>
              ))}
            </SimpleGrid>
          ))(items)
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()}>
          {t("exemplars.loadMore")}
        </Button>
      )}
    </Stack>
  );
}
