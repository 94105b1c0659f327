import { Badge, type MantineSize } from "@mantine/core";

/** How a status looks: colour and fill are a second signal only, the words are the first. */
export type StatusTone = { color: string; variant?: "filled" | "outline" };

/** A status in words on a badge; long words wrap in a narrow column, never cut off. */
export function StatusBadge({ label, tone, size }: { label: string; tone: StatusTone; size?: MantineSize }) {
  return (
    <Badge
      color={tone.color}
      variant={tone.variant ?? "filled"}
      size={size}
      radius="sm"
      maw="none"
      h="auto"
      mih="var(--badge-height)"
      styles={{
        root: { overflow: "visible", textTransform: "none" },
        label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" },
      }}
    >
      {label}
    </Badge>
  );
}
