import { Badge, Button, Group, Loader, Stack, Text } from "@mantine/core";
import type { OrgUnit } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { AnchorLink } from "../../components/anchor-link";
import { useTranslation } from "react-i18next";
import { errorText } from "../../components/error-text";
import { formatNumber } from "../../lib/format";
import { unitListQuery } from "./api";
import { kindLabel, typeLabel } from "./labels";

const SEARCH_PAGE = 20;

export function UnitSearchResults({ q, at, historic }: { q: string; at?: string; historic: boolean }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const query = useInfiniteQuery(
    unitListQuery({ q, at, includeHistoric: historic || undefined, limit: SEARCH_PAGE }),
  );
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

  return (
    <Stack gap="sm">
      <Text role="status" fw={600}>
        {items.length === 0 ? t("units.noResults") : t("units.resultsCount", { n: formatNumber(total) })}
      </Text>
      {items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("units.results")}
        >
          {items.map((u) => (
            <ResultItem key={u.id} unit={u} at={at} />
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <div>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}

function ResultItem({ unit, at }: { unit: OrgUnit; at?: string }) {
  const { t } = useTranslation("console");
  const type = typeLabel(t, unit.type);
  const path = unit.ancestorNames?.join(" › ") ?? "";
  return (
    <li style={{ borderBottom: "1px solid var(--mantine-color-gray-3)", paddingBottom: 8 }}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} className="td-break">
          <AnchorLink to="/don-vi/$id" params={{ id: unit.id }} search={at ? { at } : {}}>
            {unit.fullName}
          </AnchorLink>
        </Text>
        <Badge variant="outline" color="gray.8" radius="sm">
          {kindLabel(t, unit.kind)}
        </Badge>
        {type && (
          <Badge variant="outline" color="brand.8" radius="sm">
            {type}
          </Badge>
        )}
        {unit.validTo && (
          <Badge variant="outline" color="gray.8" radius="sm">
            {t("units.historic")}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" className="td-break">
        {unit.code && `${t("common.code")}: ${unit.code}`}
        {unit.code && path && " · "}
        {path && t("units.parentPath", { path })}
      </Text>
    </li>
  );
}
