import { Badge, Group } from "@mantine/core";
import type { Clock } from "@toandan/contracts";
import { useLabels } from "../../lib/citizen-labels";
import { useProcedureLabels } from "./procedure-labels";

/** The legal clocks of a tip: red when overdue, orange within a day, grey once met. */
export function ClockBadges({ clocks }: { clocks: Clock[] }) {
  const L = useLabels();
  const P = useProcedureLabels();
  return (
    <Group gap={4}>
      {clocks.map((c) => {
        // Dark shades keep white text at 4.5:1 or better.
        const color = c.met
          ? c.overdue
            ? "#8a3b00"
            : "#495057"
          : c.overdue
            ? "#a4161a"
            : (c.daysLeft ?? 9) <= 1
              ? "#8a3b00"
              : "#1b5e20";
        const state = c.met
          ? c.overdue
            ? L.metLate
            : L.met
          : c.overdue
            ? L.overdue
            : L.daysLeft(c.daysLeft ?? 0);
        return (
          <Badge key={c.kind} color={color} variant="filled" tt="none">
            {P.clock[c.kind]}: {state}
          </Badge>
        );
      })}
    </Group>
  );
}
