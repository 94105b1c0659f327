import type { Indicator, IndicatorCode } from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client";

/** The registry of computed figures (plans' targets, reports and the dashboard use only these). */
export const indicatorsQuery = queryOptions({
  queryKey: ["indicators"],
  queryFn: ({ signal }) => api<{ items: Indicator[] }>("/indicators", { signal }),
  staleTime: Infinity,
});

/** An indicator's name in the UI language (its code until the registry has loaded). */
export function indicatorName(
  indicators: readonly Indicator[] | undefined,
  code: IndicatorCode,
  lang: string,
) {
  const found = indicators?.find((i) => i.code === code);
  if (!found) return code;
  return lang === "en" ? found.en : found.vi;
}
