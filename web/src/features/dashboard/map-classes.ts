import { formatNumber, formatPercent } from "../../lib/format";

/**
 * ColorBrewer YlGnBu (sequential, colour-blind safe, tells apart in greyscale too): light for few,
 * deep blue for many. The lightest shade is kept for zero, so "none" reads apart from "some".
 */
export const YL_GN_BU = [
  "#ffffcc",
  "#c7e9b4",
  "#7fcdbb",
  "#41b6c4",
  "#1d91c0",
  "#225ea8",
  "#0c2c84",
] as const;
/** Areas with no figure (no data, or a hidden small count): grey, outside the colour ramp. */
export const NO_DATA_COLOUR = "#bdbdbd";

/** One legend class: values in [from, to), the last class also takes `to` itself. */
export type MapClass = { from: number; to: number; colour: string; label: string };

export type ValueUnit = "count" | "rate" | "hours";

const RATE_BREAKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

function pickColours(n: number): string[] {
  // n classes above zero, spread over the ramp without its lightest shade (kept for zero).
  const ramp = YL_GN_BU.slice(1);
  if (n === 1) return [ramp[3]!];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]!);
}

/** Quantile breaks of sorted positive values into at most `k` classes, rounded to `step`. */
function quantileBreaks(sorted: number[], k: number, step: number): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = sorted[Math.floor((i * sorted.length) / k)]!;
    const b = Math.ceil(q / step) * step;
    if (b > sorted[0]! && b <= sorted[sorted.length - 1]! && !breaks.includes(b)) breaks.push(b);
  }
  return breaks;
}

/**
 * Legend classes for a map's values: a rate in five classes of 20 points; a count (or hours) with
 * zero on its own, then up to five classes holding about as many areas each (quantiles), so a few
 * large figures do not wash the others out. Every class has its own shade from the ramp.
 */
export function mapClasses(values: readonly (number | null)[], unit: ValueUnit): MapClass[] {
  if (unit === "rate") {
    return RATE_BREAKS.slice(0, -1).map((from, i) => ({
      from,
      to: RATE_BREAKS[i + 1]!,
      colour: YL_GN_BU[Math.min(YL_GN_BU.length - 1, i + (i > 0 ? 1 : 0) + (i > 2 ? 1 : 0))]!,
      label: `${formatPercent(from)} – ${formatPercent(RATE_BREAKS[i + 1]!)}`,
    }));
  }
  const present = values.filter((v): v is number => v !== null);
  const fmt = (v: number) => formatNumber(Math.round(v * 10) / 10);
  const positive = present.filter((v) => v > 0).sort((a, b) => a - b);
  const distinct = [...new Set(positive)];
  const starts =
    distinct.length <= 5
      ? distinct
      : [distinct[0]!, ...quantileBreaks(positive, 5, unit === "count" ? 1 : 0.1)];
  const out: MapClass[] = [];
  if (present.length === 0 || present.some((v) => v === 0)) {
    out.push({ from: 0, to: starts[0] ?? 0, colour: YL_GN_BU[0], label: "0" });
  }
  const max = distinct[distinct.length - 1] ?? 0;
  const colours = pickColours(starts.length);
  starts.forEach((from, i) => {
    const last = i === starts.length - 1;
    const to = last ? max : starts[i + 1]!;
    // Counts are whole: [3, 7) reads "3 – 6"; hours are continuous and read "0,5 – 1,5".
    // A few distinct figures each get a class of their own, named by the figure itself.
    const upper = distinct.length <= 5 ? from : last || unit !== "count" ? to : to - 1;
    out.push({
      from,
      to,
      colour: colours[i]!,
      label: from === upper ? fmt(from) : `${fmt(from)} – ${fmt(upper)}`,
    });
  });
  return out;
}

/** The class a value falls in (null: no data). */
export function classOf(classes: readonly MapClass[], value: number | null): MapClass | null {
  if (value === null) return null;
  const i = classes.findIndex(
    (c, k) => value >= c.from && (value < c.to || (k === classes.length - 1 && value <= c.to)),
  );
  if (i >= 0) return classes[i]!;
  // Outside every class (e.g. a rate above 100 %): the nearest end.
  return value < classes[0]!.from ? classes[0]! : classes[classes.length - 1]!;
}
