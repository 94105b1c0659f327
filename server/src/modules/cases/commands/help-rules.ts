import { todayInVietnam } from "@toandan/contracts";

export type Issue = { path: string; message: string };

/** A date not before `min` (with the message naming it) and not in the future. */
export function dateIssues(path: string, date: string, min: string | null, beforeMin: string): Issue[] {
  const out: Issue[] = [];
  if (min && date < min) out.push({ path, message: beforeMin });
  if (date > todayInVietnam()) out.push({ path, message: "Ngày không thể ở tương lai" });
  return out;
}

/** The issue when a record of this family does not belong on a file of this kind. */
export const wrongKind = (path: string, message: string): Issue => ({ path, message });
