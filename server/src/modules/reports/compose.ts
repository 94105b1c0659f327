import {
  INDICATORS,
  type CreateReportBody,
  type IndicatorCode,
  todayInVietnam,
  formatVnDate,
} from "@toandan/contracts";
import type { Db } from "../../db/client";
import { computeIndicators, suppressSmallTipCells } from "../indicators";

import { type Figure } from "./prose";

export { defaultSections, viNumber, viPercent, type Figure, type Section } from "./prose";

/** Figures a review report states: every indicator of the registry. */
const REPORT_INDICATORS: IndicatorCode[] = INDICATORS.map((i) => i.code);

export function periodOf(b: CreateReportBody): { from: string; to: string } {
  if (b.template === "plan_review") return { from: b.periodFrom!, to: b.periodTo! };
  if (b.template === "six_month" && b.half === 1) return { from: `${b.year}-01-01`, to: `${b.year}-06-30` };
  if (b.template === "six_month") return { from: `${b.year}-07-01`, to: `${b.year}-12-31` };
  return { from: `${b.year}-01-01`, to: `${b.year}-12-31` };
}

export function defaultSubject(b: CreateReportBody, from: string, to: string): string {
  if (b.template === "six_month") {
    return `Sơ kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” 6 tháng ${b.half === 1 ? "đầu" : "cuối"} năm ${b.year}`;
  }
  if (b.template === "yearly") {
    return `Tổng kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${b.year}, phương hướng nhiệm vụ năm ${b.year + 1}`;
  }
  return `Sơ kết thực hiện kế hoạch phối hợp từ ngày ${formatVnDate(from)} đến ngày ${formatVnDate(to)}`;
}

/**
 * The data cut-off of a report over [from, to]: the period's end, or today (Vietnam) when the period
 * has not ended yet.
 */
export function defaultCutOff(to: string): string {
  const today = todayInVietnam();
  return to < today ? to : today;
}

/**
 * The report's figures, counted from `from` up to the cut-off. A tip count under 5 is marked
 * `suppressed` (value hidden) unless the author is in the police compartment.
 */
export async function figuresOf(
  db: Db,
  rollupPath: string,
  from: string,
  cutOff: string,
  exactTips: boolean,
): Promise<Figure[]> {
  const raw = await computeIndicators(db, REPORT_INDICATORS, {
    rollupPathPrefix: rollupPath,
    year: Number(cutOff.slice(0, 4)),
    from,
    to: cutOff,
    asOf: cutOff,
  });
  return figuresFrom(raw, exactTips);
}

/**
 * The registry's values as report figures; a tip count of 1–4 is `suppressed` (value hidden) unless
 * the reader may see it exactly (the police compartment, as on the indicators and tips pages).
 */
export function figuresFrom(raw: Record<string, number | null>, exactTips: boolean): Figure[] {
  const shown = suppressSmallTipCells({ ...raw }, exactTips);
  return INDICATORS.map((i) => {
    const value = shown[i.code] ?? null;
    const suppressed = value === null && (raw[i.code] ?? null) !== null;
    return { code: i.code, label: i.vi, unit: i.unit, value, ...(suppressed ? { suppressed } : {}) };
  });
}
