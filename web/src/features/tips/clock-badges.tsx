import { Badge, Group } from "@mantine/core";
import type { Clock } from "@toandan/contracts";
import { useLabels } from "./labels";

/** The legal clocks of a tip: red when overdue, orange within a day, grey once met. */
export function ClockBadges({ clocks }: { clocks: Clock[] }) {
  const L = useLabels();
  return (
    <Group gap={4}>
      {clocks.map((c) => {
        const color = c.met ? (c.overdue ? "orange" : "gray") : c.overdue ? "red" : (c.daysLeft ?? 9) <= 1 ? "orange" : "green";
        const state = c.met ? (c.overdue ? L.metLate : L.met) : c.overdue ? L.overdue : L.daysLeft(c.daysLeft ?? 0);
        return (
          <Badge key={c.kind} color={color} variant={c.met ? "light" : "filled"} tt="none">
            {L.clock[c.kind]}: {state}
          </Badge>
        );
      })}
    </Group>
  );
}
