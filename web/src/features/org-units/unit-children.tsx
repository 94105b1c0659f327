import { Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { AnchorLink } from "../../components/anchor-link";
import { useTranslation } from "react-i18next";
import { errorText } from "../../components/error-text";
import { formatNumber } from "../../lib/format";
import { unitListQuery } from "./api";
import { kindLabel, typeLabel } from "./labels";

const PAGE = 50;

/** The units directly below, a page at a time ("Xem thêm"). */
export function UnitChildren({ parentId, at }: { parentId: string; at?: string }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const query = useInfiniteQuery(unitListQuery({ parentId, at, limit: PAGE }));
  if (query.isPending) return <Loader size="sm" aria-label={t("common.loading")} />;
  if (query.isError) {
    return (
      <Text c="red.9" role="alert">
        {errorText(tp, query.error)}
      </Text>
    );
  }
  const items = query.data.pages.flatMap((p) => p.items);
  const total = query.data.pages[0]?.total ?? items.length;
  if (items.length === 0) return <Text c="dimmed">{t("unit.noChildren")}</Text>;
  return (
    <Stack gap="sm">
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }} data-testid="unit-children">
        {items.map((u) => (
          <li key={u.id}>
            <Text className="td-break">
              <AnchorLink to="/don-vi/$id" params={{ id: u.id }} search={at ? { at } : {}}>
                {u.fullName}
              </AnchorLink>
              <Text component="span" c="dimmed" size="sm">
                {" "}
                ({[typeLabel(t, u.type) ?? kindLabel(t, u.kind), u.code].filter(Boolean).join(" · ")})
              </Text>
            </Text>
          </li>
        ))}
      </Stack>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t("common.shown", { shown: formatNumber(items.length), total: formatNumber(total) })}
        </Text>
        {query.hasNextPage && (
          <Button
            variant="default"
            size="sm"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
