import { isIsoDate } from "../lib/format";

/** `?at=YYYY-MM-DD`: the date the unit tree is shown as of (absent: today). */
export type AtSearch = { at?: string };
export type UnitsSearch = AtSearch & { q?: string; historic?: boolean };

export function validateAtSearch(search: Record<string, unknown>): AtSearch {
  return isIsoDate(search.at) ? { at: search.at } : {};
}

export function validateUnitsSearch(search: Record<string, unknown>): UnitsSearch {
  const q = typeof search.q === "string" || typeof search.q === "number" ? String(search.q) : "";
  return {
    ...validateAtSearch(search),
    ...(q.trim() ? { q: q.slice(0, 100) } : {}),
    ...(search.historic === true || search.historic === "true" ? { historic: true } : {}),
  };
}

/** `?nam=2026`: the year a dashboard shows (absent: this year); `?lop=groups.models`: the map's indicator. */
export type DashboardSearch = { nam?: number; lop?: string };

export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const year = Number(search.nam);
  const out: DashboardSearch = Number.isInteger(year) && year >= 2000 && year <= 2100 ? { nam: year } : {};
  if (typeof search.lop === "string" && /^[a-z_]+\.[a-z_]+$/.test(search.lop)) out.lop = search.lop;
  return out;
}

/** Only same-site paths may be a post-sign-in target. */
export function safeRedirect(target: unknown): string | undefined {
  if (typeof target !== "string") return undefined;
  return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : undefined;
}
