import { Checkbox, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from "@mantine/core";
import { forwardRef, type ReactNode } from "react";
import { DateField } from "../../components/date-field";

/**
 * The capture screens' shared form parts: phone-sized (size md), a numeric keypad for figures,
 * dd/mm/yyyy dates typed on the same keypad, and pickers of units, bodies and people as large
 * checkboxes.
 */

/** A figure typed on the numeric keypad (`decimal` for hours). */
export const FigureInput = forwardRef<HTMLInputElement, TextInputProps & { decimal?: boolean }>(
  function FigureInput({ decimal, ...props }, ref) {
    return (
      <TextInput
        ref={ref}
        size="md"
        inputMode={decimal ? "decimal" : "numeric"}
        autoComplete="off"
        {...props}
      />
    );
  },
);

/** A dd/mm/yyyy date at the capture screens' size. */
export const CaptureDateField = forwardRef<HTMLInputElement, TextInputProps>(
  function CaptureDateField(props, ref) {
    return <DateField ref={ref} size="md" {...props} />;
  },
);

/** Figures two to a row (360 px wide: two thumbs' worth each). */
export function FigureGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={2} spacing="sm">
      {children}
    </SimpleGrid>
  );
}

export type PickerGroup = { key: string; title?: string; options: { value: string; label: string }[] };

/** Units' bodies, or a team's members, as large checkboxes, grouped under their unit's name. */
export function CheckboxPicker({
  label,
  required,
  value,
  onChange,
  error,
  groups,
  footer,
}: {
  label: string;
  required?: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
  groups: PickerGroup[];
  footer?: ReactNode;
}) {
  return (
    <Checkbox.Group label={label} required={required} value={value} onChange={onChange} error={error}>
      <Stack gap="sm" mt="xs">
        {groups.map((g) => (
          <div key={g.key}>
            {g.title && (
              <Text size="sm" fw={600}>
                {g.title}
              </Text>
            )}
            <Stack gap={10} mt={g.title ? 6 : 0}>
              {g.options.map((o) => (
                <Checkbox key={o.value} size="md" value={o.value} label={o.label} />
              ))}
            </Stack>
          </div>
        ))}
        {footer}
      </Stack>
    </Checkbox.Group>
  );
}
