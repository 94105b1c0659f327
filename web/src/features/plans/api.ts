import type { ImplementedPlans, Indicator, IndicatorCode, Plan, PlanProgress } from "@toandan/contracts";
import type { PlanPageSchema } from "@toandan/contracts";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { api } from "../../api/client";
import { formatNumber, formatPercent } from "../../lib/format";

export type PlanPage = z.infer<typeof PlanPageSchema>;

export function planListQuery(params: { orgUnitId?: string; year?: number }) {
  return infiniteQueryOptions({
    queryKey: ["plans", params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<PlanPage>("/plans", { query: { ...params, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The plans of the levels above the user's units, with each unit's share of their targets. */
export function implementedPlansQuery(year?: number) {
  return queryOptions({
    queryKey: ["plans", "implemented", year ?? null],
    queryFn: ({ signal }) => api<ImplementedPlans>("/plans/implemented", { query: { year }, signal }),
  });
}

export function planQuery(id: string) {
  return queryOptions({
    queryKey: ["plan", id],
    queryFn: ({ signal }) => api<Plan>(`/plans/${id}`, { signal }),
  });
}

export function planProgressQuery(id: string) {
  return queryOptions({
    queryKey: ["plan", id, "progress"],
    queryFn: ({ signal }) => api<PlanProgress>(`/plans/${id}/progress`, { signal }),
  });
}

export function isRate(indicators: readonly Indicator[] | undefined, code: IndicatorCode): boolean {
  return indicators?.find((i) => i.code === code)?.unit === "rate";
}

/** A target or actual figure: rates as %, counts as 1.157. */
export function figureText(value: number, rate: boolean): string {
  return rate ? formatPercent(value) : formatNumber(value);
}

const SYMBOL = { gte: "≥", gt: ">", lte: "≤", lt: "<", eq: "=" } as const;
export function comparatorSymbol(c: keyof typeof SYMBOL): string {
  return SYMBOL[c];
}

export function bodyLabel(t: TFunction<"console">, kind: string | null): string {
  return kind ? t(`bodies.${kind}` as "bodies.front") : t("plan.allBodies");
}
