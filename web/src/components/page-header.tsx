import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's one h1, its main actions on the right (they wrap under it on a phone), an intro below. */
export function PageHeader({
  title,
  actions,
  intro,
}: {
  title: ReactNode;
  actions?: ReactNode;
  intro?: ReactNode;
}) {
  return (
    <>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{title}</Title>
        {actions}
      </Group>
      {intro && <Text>{intro}</Text>}
    </>
  );
}
