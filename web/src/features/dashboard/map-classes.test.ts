import { describe, expect, it } from "vitest";
import { contrastRatio } from "./tile-colour";
import { classOf, mapClasses, NO_DATA_COLOUR, YL_GN_BU } from "./map-classes";

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as [number, number, number];

describe("map legend classes", () => {
  it("split rates into five classes of 20 points, each its own shade", () => {
    const classes = mapClasses([0.1, 0.55, 1, null], "rate");
    expect(classes.map((c) => c.label)).toEqual([
      "0% – 20%",
      "20% – 40%",
      "40% – 60%",
      "60% – 80%",
      "80% – 100%",
    ]);
    expect(new Set(classes.map((c) => c.colour)).size).toBe(5);
    expect(classOf(classes, 0.1)).toBe(classes[0]);
    expect(classOf(classes, 0.4)).toBe(classes[2]);
    expect(classOf(classes, 1)).toBe(classes[4]);
    expect(classOf(classes, null)).toBeNull();
  });

  it("keep zero apart and give a few distinct counts a class each", () => {
    const classes = mapClasses([0, 0, 1, 3, 3, 7], "count");
    expect(classes.map((c) => c.label)).toEqual(["0", "1", "3", "7"]);
    expect(classes[0]!.colour).toBe(YL_GN_BU[0]);
    expect(classOf(classes, 0)!.label).toBe("0");
    expect(classOf(classes, 3)!.label).toBe("3");
    expect(classOf(classes, 7)!.label).toBe("7");
  });

  it("cut many counts at quantiles, every value in exactly one class, the deepest shade for the most", () => {
    const values = Array.from({ length: 64 }, (_, i) => (i < 10 ? 0 : i * i));
    const classes = mapClasses(values, "count");
    expect(classes.length).toBe(6);
    for (const v of values) {
      const hits = classes.filter(
        (c, k) => v >= c.from && (v < c.to || (k === classes.length - 1 && v <= c.to)),
      );
      expect(hits, `value ${v}`).toHaveLength(1);
    }
    expect(classOf(classes, 63 * 63)!.colour).toBe(YL_GN_BU[YL_GN_BU.length - 1]);
    // Neighbouring classes differ in lightness, so they read apart without colour vision too.
    const lum = classes.map((c) => contrastRatio(rgb(c.colour), [255, 255, 255]));
    for (let i = 1; i < lum.length; i++) expect(lum[i]! / lum[i - 1]!).toBeGreaterThan(1.1);
  });

  it("show no data in a grey outside the ramp", () => {
    expect(YL_GN_BU).not.toContain(NO_DATA_COLOUR);
    expect(mapClasses([null, null], "count").map((c) => c.label)).toEqual(["0"]);
  });
});
