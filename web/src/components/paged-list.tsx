import { Button, Group, Loader, Stack, Text } from "@mantine/core";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "./empty-state";
import { ErrorAlert } from "./error-alert";

/** A page of a cursor-paged list, as every list endpoint answers it. */
export type ItemPage<T> = { items: T[]; nextCursor: string | null };

export type PagedQuery<T> = Pick<
  UseInfiniteQueryResult<InfiniteData<ItemPage<T>>>,
  "data" | "error" | "isError" | "isLoading" | "hasNextPage" | "isFetchingNextPage" | "fetchNextPage"
>;

/** Every item loaded so far, page after page. */
export function pagedItems<T>(query: Pick<PagedQuery<T>, "data">): T[] {
  return query.data?.pages.flatMap((p) => p.items) ?? [];
}

/**
 * A paged list: a loader, the error, `empty` when there is nothing, or the items (after an
 * optional toolbar of counts and exports), then "Xem thêm" while the server has more.
 */
export function PagedList<T>({
  query,
  empty,
  toolbar,
  loadMoreLabel,
  children,
}: {
  query: PagedQuery<T>;
  empty: ReactNode;
  toolbar?: (items: T[]) => ReactNode;
  loadMoreLabel?: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation("console");
  const items = pagedItems(query);
  return (
    <Stack gap="sm">
      {query.isLoading ? (
        <Loader aria-label={t("common.loading")} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          {toolbar?.(items)}
          {children(items)}
        </>
      )}
      {query.hasNextPage && (
        <div>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {loadMoreLabel ?? t("common.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** "12 mục đang hiển thị" (announced as it changes) with the list's export buttons beside it. */
export function ListToolbar({ count, children }: { count: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" role="status">
        {count}
      </Text>
      {children}
    </Group>
  );
}
