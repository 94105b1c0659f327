import { SMALL_CELL_THRESHOLD, type ShownCount } from "@toandan/contracts";

/** A count as shown: exact for the police, "<5" (value hidden) elsewhere when 1–4. */
export function shownCount(n: number, exact: boolean): ShownCount {
  if (!exact && n > 0 && n < SMALL_CELL_THRESHOLD) {
    return { value: null, display: `<${SMALL_CELL_THRESHOLD}`, suppressed: true };
  }
  return { value: n, display: n.toLocaleString("vi-VN"), suppressed: false };
}
