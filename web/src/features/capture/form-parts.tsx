import type { TextInputProps } from "@mantine/core";
import { forwardRef } from "react";
import { DateField } from "../../components/date-field";

/**
 * The capture screens' form parts: phone-sized (size md), a numeric keypad for figures, dd/mm/yyyy
 * dates typed on the same keypad, and pickers of units, bodies and people as large checkboxes. The
 * activity's fields are the console's too (components/activity-fields.tsx).
 */
export {
  CheckboxPicker,
  FigureGrid,
  FigureInput,
  FigureInputs,
  OrganizerPicker,
  type PickerGroup,
} from "../../components/activity-fields";

/** A dd/mm/yyyy date at the capture screens' size. */
export const CaptureDateField = forwardRef<HTMLInputElement, TextInputProps>(
  function CaptureDateField(props, ref) {
    return <DateField ref={ref} size="md" {...props} />;
  },
);
