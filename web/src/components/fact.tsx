import { Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One term and its value inside a `<dl>` grid. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} className="td-break">
        {children}
      </Text>
    </Paper>
  );
}
