import { describe, expect, it } from "vitest";
import { dateBetween, distribute, prng } from "./distribute";

describe("demo distribution helpers", () => {
  it.each([
    [101_662, 2_669],
    [65, 40],
    [7, 10],
    [0, 5],
  ])("splits %i into %i parts that add up exactly", (total, parts) => {
    const out = distribute(total, parts, prng(1));
    expect(out).toHaveLength(parts);
    expect(out.reduce((a, b) => a + b, 0)).toBe(total);
    expect(out.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
  });

  it("gives every part at least the minimum, and refuses a total below it", () => {
    const out = distribute(17_350, 578, prng(5), 12);
    expect(out.reduce((a, b) => a + b, 0)).toBe(17_350);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(12);
    expect(distribute(156, 156, prng(2), 1)).toEqual(Array(156).fill(1));
    expect(() => distribute(10, 6, prng(2), 2)).toThrow();
  });

  it("is deterministic and keeps dates in range", () => {
    expect(distribute(100, 7, prng(42))).toEqual(distribute(100, 7, prng(42)));
    const r = prng(3);
    for (let i = 0; i < 500; i++) {
      const d = dateBetween("2013-01-01", "2013-01-03", r);
      expect(["2013-01-01", "2013-01-02", "2013-01-03"]).toContain(d);
    }
  });
});
