import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { boundaryCodes, loadCommuneBoundaries, loadProvinceBoundaries } from "./boundaries";
import { simplifyForServing } from "./simplify-boundaries";

const points = (t: { arcs: number[][][] }) => t.arcs.reduce((n, a) => n + a.length, 0);

/** The served boundaries are much lighter and still one topology with every unit in it. */
describe("simplifyForServing", () => {
  for (const code of ["68", "79", "96"]) {
    it(`thins province ${code}'s communes and keeps every commune and shared border`, () => {
      const official = loadCommuneBoundaries(code)!;
      const before = JSON.stringify(official);
      const served = simplifyForServing(official);
      expect(JSON.stringify(official)).toBe(before); // the kept official topology is untouched
      expect(points(served)).toBeLessThan(points(official) / 3);
      expect(JSON.stringify(served).length).toBeLessThan(before.length / 2);
      expect(boundaryCodes(served)).toEqual(boundaryCodes(official));
      // The same arcs referenced the same way: two neighbours still draw their border from one
      // shared arc, so it cannot split into two lines with a gap between.
      expect(served.arcs).toHaveLength(official.arcs.length);
      expect(served.objects).toEqual(official.objects);
      const topo = served as unknown as Topology;
      const fc = feature(topo, topo.objects.communes!) as FeatureCollection<Polygon | MultiPolygon>;
      for (const f of fc.features) {
        const rings = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        // Every commune keeps at least one real ring (4+ positions) to draw.
        expect(
          rings.some((poly) => poly[0]!.length >= 4),
          String(f.id),
        ).toBe(true);
      }
    });
  }

  it("thins the provinces file too", () => {
    const official = loadProvinceBoundaries();
    const served = simplifyForServing(official);
    expect(points(served)).toBeLessThan(points(official) / 3);
    expect(boundaryCodes(served)).toEqual(boundaryCodes(official));
  });
});
