import type { FigureField } from "@toandan/contracts";

/**
 * Figures typed with decimals (hours): the numeric keypad with a decimal separator. Every other
 * figure is a whole number. Read by the activity forms (components/activity-fields.tsx) and by the
 * capture page a first visit gets from the server before the scripts arrive.
 */
export const DECIMAL_FIGURES: readonly FigureField[] = ["broadcastHours"];
