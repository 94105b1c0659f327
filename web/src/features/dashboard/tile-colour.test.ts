import { describe, expect, it } from "vitest";
import { contrastRatio, tileColours } from "./tile-colour";

const rgb = (css: string) => css.match(/\d+/g)!.map(Number) as [number, number, number];
const hex = (c: string) => (c === "#fff" ? ([255, 255, 255] as const) : ([0, 0, 0] as const));

describe("tileColours", () => {
  it("keeps the text readable (WCAG AA, 4.5 : 1) on every shade", () => {
    for (let i = 0; i <= 100; i++) {
      const { background, color } = tileColours(i / 100);
      expect(contrastRatio(rgb(background), hex(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gets darker with more activities", () => {
    const light = rgb(tileColours(0).background);
    const dark = rgb(tileColours(1).background);
    expect(dark[0]).toBeLessThan(light[0]);
    expect(tileColours(0).color).toBe("#000");
    expect(tileColours(1).color).toBe("#fff");
  });
});
