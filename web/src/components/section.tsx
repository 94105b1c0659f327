import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled block of a page (an h2 named for screen readers). */
export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" id={id} aria-labelledby={`${id}-title`}>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, justifyContent: "space-between" }}>
        <Title order={2} size="h3" id={`${id}-title`} mb="sm">
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Paper>
  );
}
