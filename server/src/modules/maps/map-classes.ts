// The classes of a choropleth: five sequential colours (ColorBrewer YlGnBu, colour-blind safe and
// readable in greyscale), a grey for "no figure", and the legend's labels in Vietnamese.

/** ColorBrewer YlGnBu, 5 classes, light to dark: the same sequential idea as the console's maps. */
export const MAP_PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
/** A unit without a figure (null: not answerable, or hidden as a small count). */
export const NO_DATA_FILL = "#d9d9d9";
export const NO_DATA_LABEL = "Chưa có số liệu";

export type MapUnit = "count" | "rate" | "hours";
/** The legend's language: Vietnamese first; the portal's English pages read English. */
export type MapLang = "vi" | "en";

const WORDS = {
  vi: { locale: "vi-VN", under: "dưới", from: "từ", noData: NO_DATA_LABEL },
  en: { locale: "en-GB", under: "under", from: "from", noData: "No figure" },
} as const;

export type MapClass = {
  fill: string;
  /** "0–239", "dưới 20%", "Chưa có số liệu". */
  label: string;
  /** The class holds values v with from ≤ v < to (the last class: from ≤ v); null for no data. */
  from: number | null;
  to: number | null;
  /** How many units fall in it. */
  count: number;
};

const nf = (digits: number, lang: MapLang) =>
  new Intl.NumberFormat(WORDS[lang].locale, { maximumFractionDigits: digits, useGrouping: true });

/** A figure as read: "1.157", "95,1%", "12,5" (in English "1,157", "95.1%"). */
export function formatMapValue(value: number | null, unit: MapUnit, lang: MapLang = "vi"): string {
  if (value === null) return WORDS[lang].noData;
  if (unit === "rate") return `${nf(1, lang).format(Math.round(value * 1000) / 10)}%`;
  return nf(unit === "hours" ? 1 : 0, lang).format(value);
}

/** The smallest of 1, 2, 2.5, 5 × 10^k not below `raw` (a step a reader can add up). */
function niceStep(raw: number, integer: boolean): number {
  if (raw <= 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * Class bounds for the values: rates in fixed fifths of 0–100 %; counts and hours in at most five
 * equal steps of a round size from 0 up to the largest value. Returns the lower bounds.
 */
export function classBounds(values: readonly (number | null)[], unit: MapUnit): number[] {
  if (unit === "rate") return [0, 0.2, 0.4, 0.6, 0.8];
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  if (max === 0) return [0];
  const step = niceStep(max / 5, unit === "count");
  const n = Math.min(5, Math.floor(max / step) + 1);
  return Array.from({ length: n }, (_, i) => i * step);
}

/** The index of the class a value falls in (the last bound not above it). */
export function classOf(value: number, bounds: readonly number[]): number {
  let k = 0;
  bounds.forEach((b, i) => {
    if (value >= b) k = i;
  });
  return k;
}

function classLabel(bounds: readonly number[], i: number, unit: MapUnit, lang: MapLang): string {
  const lo = bounds[i]!;
  const hi = bounds[i + 1];
  const w = WORDS[lang];
  const f = (v: number) => formatMapValue(v, unit, lang);
  if (unit === "count") {
    if (hi === undefined) return bounds.length === 1 ? f(lo) : `${w.from} ${f(lo)}`;
    return hi - 1 === lo ? f(lo) : `${f(lo)}–${f(hi - 1)}`;
  }
  if (hi === undefined) return `${w.from} ${f(lo)}`;
  return i === 0 ? `${w.under} ${f(hi)}` : `${f(lo)} – ${w.under} ${f(hi)}`;
}

/**
 * The classes of a set of values: the colour classes (spread over the palette when fewer than
 * five) and, when some unit has no figure, the grey class.
 */
export function classesOf(
  values: readonly (number | null)[],
  unit: MapUnit,
  lang: MapLang = "vi",
): { bounds: number[]; classes: MapClass[]; fillOf: (v: number | null) => string } {
  const bounds = classBounds(values, unit);
  // Fewer classes keep the palette's ends, so one class reads as the lightest, two as light and dark.
  const colours = bounds.map(
    (_, i) => MAP_PALETTE[bounds.length === 1 ? 0 : Math.round((i * 4) / (bounds.length - 1))]!,
  );
  const classes: MapClass[] = bounds.map((from, i) => ({
    fill: colours[i]!,
    label: classLabel(bounds, i, unit, lang),
    from,
    to: bounds[i + 1] ?? null,
    count: 0,
  }));
  const noData: MapClass = { fill: NO_DATA_FILL, label: WORDS[lang].noData, from: null, to: null, count: 0 };
  for (const v of values) {
    if (v === null) noData.count += 1;
    else classes[classOf(v, bounds)]!.count += 1;
  }
  const fillOf = (v: number | null) => (v === null ? NO_DATA_FILL : colours[classOf(v, bounds)]!);
  return { bounds, classes: noData.count > 0 ? [...classes, noData] : classes, fillOf };
}
