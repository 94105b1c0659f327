import { FIGURE_FIELDS, type FigureField } from "@toandan/contracts";

/**
 * The activity capture form's fields, shared by the form (activity-capture-page.tsx) and the page a
 * first visit gets from the server before the scripts arrive (first-visit-form.ts): the figures
 * shown at once, the rest behind "Thêm số liệu khác", and the one typed with decimals.
 */
export const MAIN_FIGURES: readonly FigureField[] = ["attendees", "households", "leaflets", "students"];
export const MORE_FIGURES: readonly FigureField[] = FIGURE_FIELDS.filter((f) => !MAIN_FIGURES.includes(f));
export { DECIMAL_FIGURES } from "../../lib/activity-figures";

/** The activity form's values as typed (strings), the names its inputs carry. */
export type ActivityFormValues = {
  kind: string;
  date: string;
  organizerBodyIds: string[];
  topics: string[];
  title: string;
} & Record<FigureField, string>;

/** The kind a new activity starts with. */
export const DEFAULT_ACTIVITY_KIND = "meeting";
