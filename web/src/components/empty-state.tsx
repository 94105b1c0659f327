import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** What a list says when it has nothing to show ("Chưa có …"). */
export function EmptyState({ children }: { children: ReactNode }) {
  return <Text c="dimmed">{children}</Text>;
}
