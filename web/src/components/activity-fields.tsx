import { Checkbox, SimpleGrid, Stack, Text, TextInput, type TextInputProps } from "@mantine/core";
import type { FigureField, OrganizerBodies } from "@toandan/contracts";
import { forwardRef, type ReactNode } from "react";
import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DECIMAL_FIGURES } from "../lib/activity-figures";
import { fieldMessage } from "../lib/forms";

/**
 * The activity record's fields as the console's form and the phone's capture form both show them:
 * its figures on the numeric keypad, its organising bodies as checkboxes under their unit's name.
 * One definition, two sizes (the capture screens pass `size="md"`).
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

type Cols = number | Partial<Record<"base" | "xs" | "sm" | "md" | "lg", number>>;

/** Figures in a grid: two to a row by default (360 px wide: two thumbs' worth each). */
export function FigureGrid({ children, cols = 2 }: { children: ReactNode; cols?: Cols }) {
  return (
    <SimpleGrid cols={cols} spacing="sm">
      {children}
    </SimpleGrid>
  );
}

/** An activity's figures, named as everywhere else (`figures.<field>`), each with its keypad. */
export function FigureInputs<V extends FieldValues>({
  fields,
  register,
  errors,
  size = "md",
  placeholder,
  cols,
}: {
  fields: readonly FigureField[];
  register: UseFormRegister<V>;
  errors: FieldErrors<V>;
  size?: TextInputProps["size"];
  placeholder?: string;
  cols?: Cols;
}) {
  const { t } = useTranslation("console");
  return (
    <FigureGrid cols={cols}>
      {fields.map((f) => (
        <FigureInput
          key={f}
          size={size}
          label={t(`figures.${f}`)}
          decimal={DECIMAL_FIGURES.includes(f)}
          placeholder={placeholder}
          error={fieldMessage(errors[f] as never)}
          {...register(f as Path<V>)}
        />
      ))}
    </FigureGrid>
  );
}

export type PickerGroup = { key: string; title?: string; options: { value: string; label: string }[] };

type PickerProps = {
  label: string;
  description?: ReactNode;
  required?: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
  /** Above the groups: a loading or error line. */
  header?: ReactNode;
  footer?: ReactNode;
  size?: "sm" | "md";
};

/** Units' bodies, or a team's members, as checkboxes, grouped under their unit's name. */
export function CheckboxPicker({
  label,
  description,
  required,
  value,
  onChange,
  error,
  groups,
  header,
  footer,
  size = "md",
}: PickerProps & { groups: PickerGroup[] }) {
  const large = size === "md";
  return (
    <Checkbox.Group
      label={label}
      description={description}
      required={required}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap={large ? "sm" : "xs"} mt="xs">
        {header}
        {groups.map((g) => (
          <div key={g.key}>
            {g.title && (
              <Text size="sm" fw={600} className="td-break">
                {g.title}
              </Text>
            )}
            <SimpleGrid
              cols={large ? 1 : { base: 1, sm: 2 }}
              spacing={large ? 10 : 4}
              mt={g.title ? (large ? 6 : 4) : 0}
            >
              {g.options.map((o) => (
                <Checkbox key={o.value} size={size} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </div>
        ))}
        {footer}
      </Stack>
    </Checkbox.Group>
  );
}

/** An activity's organising bodies: the unit's own and its ancestors', one group per level. */
export function OrganizerPicker({ levels, ...props }: PickerProps & { levels: OrganizerBodies["levels"] }) {
  return (
    <CheckboxPicker
      {...props}
      groups={levels.map((level) => ({
        key: level.orgUnitId,
        title: level.orgUnitName,
        options: level.bodies.map((b) => ({ value: b.id, label: b.name })),
      }))}
    />
  );
}
