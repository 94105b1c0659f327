/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: readonly [number, number, number], b: readonly [number, number, number]) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLUE = [25, 113, 194] as const;
const WHITE = [255, 255, 255] as const;
const BLACK = [0, 0, 0] as const;

/**
 * A child unit's tile: the more activities (share 0–1 of the busiest), the deeper the blue; the
 * text is black or white, whichever contrasts more with that blue (always at least 4.5 : 1).
 */
export function tileColours(share: number): { background: string; color: string } {
  const a = 0.12 + 0.88 * Math.min(1, Math.max(0, share));
  const rgb = BLUE.map((c, i) => Math.round(WHITE[i]! * (1 - a) + c * a)) as unknown as [
    number,
    number,
    number,
  ];
  const color = contrastRatio(rgb, WHITE) >= contrastRatio(rgb, BLACK) ? "#fff" : "#000";
  return { background: `rgb(${rgb.join(", ")})`, color };
}
