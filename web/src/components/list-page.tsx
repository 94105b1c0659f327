import { Group, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";
import { PagedList, type PagedQuery } from "./paged-list";
import { Section } from "./section";

/**
 * A list page: the h1 with its actions, the filters, then the page's sections (usually a
 * `ListSection`, and the dialogs the actions open).
 */
export function ListPage({
  title,
  actions,
  intro,
  filters,
  children,
}: {
  title: string;
  actions?: ReactNode;
  intro?: ReactNode;
  filters?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg">
      <PageHeader title={title} actions={actions} intro={intro} />
      {filters}
      {children}
    </Stack>
  );
}

/**
 * The filters of a list. With a `title` they are a titled block (an h2 names the region);
 * without, one row of fields (a group named `label` for screen readers, when given).
 */
export function FilterPanel({
  id,
  title,
  label,
  children,
}: {
  id: string;
  title?: string;
  label?: string;
  children: ReactNode;
}) {
  if (!title) {
    return (
      <Group
        align="flex-end"
        gap="sm"
        wrap="wrap"
        role={label ? "group" : undefined}
        aria-label={label}
        id={id}
      >
        {children}
      </Group>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** A titled section holding one paged list (see `PagedList`), with its own filters above it. */
export function ListSection<T>({
  id,
  title,
  actions,
  filters,
  ...list
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  filters?: ReactNode;
  query: PagedQuery<T>;
  empty: ReactNode;
  toolbar?: (items: T[]) => ReactNode;
  loadMoreLabel?: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <Section title={title} id={id} actions={actions}>
      {filters && <div style={{ marginBottom: "var(--mantine-spacing-sm)" }}>{filters}</div>}
      <PagedList {...list} />
    </Section>
  );
}
