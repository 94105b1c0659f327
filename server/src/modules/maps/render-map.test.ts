import { describe, expect, it } from "vitest";
import { BOUNDARY_ATTRIBUTION, loadCommuneBoundaries, loadProvinceBoundaries } from "./boundaries";
import { MAP_PALETTE, NO_DATA_FILL, classBounds, classesOf, formatMapValue } from "./map-classes";
import { renderChoroplethSvg, svgToPng } from "./render-map";

/** Each path's unit code and fill, in drawing order. */
const pathsOf = (svg: string) =>
  [...svg.matchAll(/<path d="[^"]*" fill="([^"]+)" data-code="(\d+)"/g)].map((m) => ({
    fill: m[1]!,
    code: m[2]!,
  }));

describe("choropleth classes", () => {
  it("count classes are round equal steps from 0 to the largest value", () => {
    expect(classBounds([0, 3, 1157, null], "count")).toEqual([0, 250, 500, 750, 1000]);
    expect(classBounds([0, 4], "count")).toEqual([0, 1, 2, 3, 4]);
    expect(classBounds([0, 0, null], "count")).toEqual([0]);
    expect(classBounds([0.4], "rate")).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("labels read in Vietnamese and count the units in each class, with a grey class for no figure", () => {
    const { classes } = classesOf([0, 12, 499, 1157, null], "count");
    expect(classes.map((c) => [c.label, c.count])).toEqual([
      ["0–249", 2],
      ["250–499", 1],
      ["500–749", 0],
      ["750–999", 0],
      ["từ 1.000", 1],
      ["Chưa có số liệu", 1],
    ]);
    const rates = classesOf([0.95, 0.2], "rate").classes.map((c) => c.label);
    expect(rates).toEqual(["dưới 20%", "20% – dưới 40%", "40% – dưới 60%", "60% – dưới 80%", "từ 80%"]);
    expect(formatMapValue(0.9512, "rate")).toBe("95,1%");
  });

  it("two classes keep the palette's lightest and darkest colours apart", () => {
    const { classes } = classesOf([0, 1], "count");
    expect(classes.map((c) => c.fill)).toEqual([MAP_PALETTE[0], MAP_PALETTE[4]]);
  });
});

describe("renderChoroplethSvg", () => {
  const topology = loadProvinceBoundaries();
  const codes = topology.objects.provinces!.geometries.map((g) => g.id);

  it("draws one path per province, filled by its value's class, named with its figure", () => {
    // Cà Mau (96) 1.157: top class; Hà Nội (01) 0: first class; Huế (46) no figure: grey.
    const values = new Map<string, number | null>([
      ["96", 1157],
      ["01", 0],
      ["46", null],
      ["79", 600],
    ]);
    const map = renderChoroplethSvg({
      topology,
      values,
      unit: "count",
      title: "Số buổi, hoạt động năm 2026",
      description: "Theo tỉnh, thành phố",
      keep: 0.04,
      digits: 0,
    });
    const paths = pathsOf(map.svg);
    expect(paths).toHaveLength(34);
    expect(new Set(paths.map((p) => p.code))).toEqual(new Set(codes));
    const fill = (code: string) => paths.find((p) => p.code === code)!.fill;
    expect(fill("96")).toBe(MAP_PALETTE[4]);
    expect(fill("79")).toBe(MAP_PALETTE[2]);
    expect(fill("01")).toBe(MAP_PALETTE[0]);
    expect(fill("46")).toBe(NO_DATA_FILL);
    // Provinces absent from the values have no figure either.
    expect(paths.filter((p) => p.fill === NO_DATA_FILL)).toHaveLength(31);
    expect(map.svg).toContain("<title>Tỉnh Cà Mau: 1.157</title>");
    expect(map.svg).toContain('aria-label="Thành phố Hà Nội: 0"');
    expect(map.svg).toMatch(
      /^<svg [^>]*role="group" aria-labelledby="map-t map-d"><title id="map-t">Số buổi/,
    );
    // Without a legend the page around the map shows it and the attribution.
    expect(map.svg).not.toContain(BOUNDARY_ATTRIBUTION);
  });

  it("draws a province's communes with the legend and the attribution inside, and makes a PNG of it", async () => {
    const camau = loadCommuneBoundaries("96")!;
    const communes = camau.objects.communes!.geometries.map((g) => g.id);
    const values = new Map(communes.map((c, i) => [c, i % 2 === 0 ? 0.9 : 0.1]));
    const map = renderChoroplethSvg({
      topology: camau,
      values,
      unit: "rate",
      title: "Tỷ lệ khu dân cư đạt chuẩn",
      description: "Theo xã, phường",
      width: 800,
      maxHeight: 700,
      legend: { title: "Tỷ lệ khu dân cư đạt chuẩn" },
      keep: 0.3,
    });
    const paths = pathsOf(map.svg);
    expect(paths).toHaveLength(communes.length);
    expect(paths.filter((p) => p.fill === MAP_PALETTE[4])).toHaveLength(Math.ceil(communes.length / 2));
    expect(paths.filter((p) => p.fill === MAP_PALETTE[0])).toHaveLength(Math.floor(communes.length / 2));
    expect(map.svg).toContain(BOUNDARY_ATTRIBUTION);
    expect(map.svg).toContain(">từ 80%</text>");
    expect(map.height).toBeLessThanOrEqual(700 + 200);
    const png = await svgToPng(map.svg, 1200);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(Math.round((map.height * 1200) / map.width));
  });
});
