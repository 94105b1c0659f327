// A choropleth of units drawn on the server: d3-geo projects and draws the boundaries (Mercator
// fitted to the units shown), topojson-simplify thins them for the drawing size, and resvg turns
// the SVG into a PNG for the printed report. No script runs in the reader's browser.
import { createRequire } from "node:module";
import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Objects, Topology } from "topojson-specification";
import { BOUNDARY_ATTRIBUTION, type BoundaryTopology } from "./boundaries";
import { classesOf, formatMapValue, type MapClass, type MapLang, type MapUnit } from "./map-classes";

export {
  MAP_PALETTE,
  NO_DATA_FILL,
  formatMapValue,
  type MapClass,
  type MapLang,
  type MapUnit,
} from "./map-classes";

const require = createRequire(import.meta.url);

type Props = { code: string; name: string };
type Shapes = FeatureCollection<Geometry, Props>;

/** Escapes text for SVG content and attribute values. */
const esc = (s: string) =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

// Simplified shapes per (topology, share of points kept), made once: presimplify builds new arcs
// and leaves the shared, read-only boundary topology as it is.
const prepared = new WeakMap<BoundaryTopology, Map<number, Shapes>>();

/**
 * The units of a topology as GeoJSON features, simplified to keep `keep` (0–1] of the points that
 * matter most (Visvalingam weights, topology preserved: neighbours still share their borders).
 */
export function shapesOf(topo: BoundaryTopology, keep = 1): Shapes {
  let byKeep = prepared.get(topo);
  if (!byKeep) prepared.set(topo, (byKeep = new Map<number, Shapes>()));
  const hit = byKeep.get(keep);
  if (hit) return hit;
  const name = Object.keys(topo.objects)[0]!;
  let t = topo as unknown as Topology<Objects<Props>>;
  if (keep < 1) {
    const weighted = presimplify(t);
    t = simplify(weighted, quantile(weighted, keep));
  }
  const fc = feature(t, t.objects[name] as GeometryCollection<Props>);
  for (const f of fc.features) f.properties = { code: String(f.id), name: f.properties.name };
  byKeep.set(keep, fc);
  return fc;
}

export type ChoroplethOptions = {
  topology: BoundaryTopology;
  /** Each unit's figure by its official code (null or absent: no figure). */
  values: ReadonlyMap<string, number | null>;
  unit: MapUnit;
  /** The language of the legend and the areas' figures (Vietnamese by default). */
  lang?: MapLang;
  /** The map's accessible name and description (<title>, <desc>). */
  title: string;
  description: string;
  /** Drawing width in user units; the height follows the units' shape. */
  width?: number;
  /** The tallest the map itself may be (a tall province is fitted to this, centred). */
  maxHeight?: number;
  /** Share of boundary points kept (1: all); smaller maps need fewer. */
  keep?: number;
  /** Draw the legend and the attribution inside the picture (for an image); else the page shows them. */
  legend?: { title: string } | null;
  /** Decimals of the path coordinates (1 by default; 0 for a small page map). */
  digits?: number;
  /** Prefix of the ids inside the SVG, unique on the page. */
  idPrefix?: string;
  /** Each area's label (its <title> and aria-label): "Tỉnh Cà Mau: 1.157" by default. */
  areaLabel?: (name: string, value: number | null) => string;
};

export type RenderedMap = {
  svg: string;
  classes: MapClass[];
  width: number;
  height: number;
  /** The units drawn (one path each), in drawing order. */
  codes: string[];
};

/** The legend rows and the attribution line under the map (for an image without a page around it). */
function legendSvg(
  title: string,
  classes: MapClass[],
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  // Sizes follow the drawing's width, so the printed legend stays readable however wide it is.
  const font = Math.round(width / 42);
  const row = Math.round(font * 1.8);
  const column = font * 13;
  const perRow = Math.max(1, Math.floor((width - 2 * x) / column));
  const items = classes
    .map((c, i) => {
      const cx = x + (i % perRow) * column;
      const cy = y + row + Math.floor(i / perRow) * row;
      return `<rect x="${cx}" y="${cy}" width="${font * 1.6}" height="${font}" fill="${c.fill}" stroke="#555" stroke-width="0.5"/><text x="${cx + font * 2}" y="${cy + font * 0.85}">${esc(c.label)}</text>`;
    })
    .join("");
  const rows = Math.ceil(classes.length / perRow);
  const attributionY = y + row + rows * row + font;
  const svg = `<g font-family="Tinos, 'Times New Roman', serif" font-size="${font}" fill="#1d1b1a"><text x="${x}" y="${y + font}" font-weight="bold">${esc(title)}</text>${items}<text x="${x}" y="${attributionY}" font-size="${Math.round(font * 0.8)}" fill="#4a4240">${esc(BOUNDARY_ATTRIBUTION)}</text></g>`;
  return { svg, height: attributionY - y + font / 2 };
}

/**
 * The choropleth as an SVG document: one path per unit, filled by its class, each carrying its
 * name and figure (<title>, aria-label) so the figures are read without a script.
 */
export function renderChoroplethSvg(o: ChoroplethOptions): RenderedMap {
  const width = o.width ?? 600;
  const shapes = shapesOf(o.topology, o.keep ?? 1);
  const pad = 8;
  // Fit the Mercator projection to the units; the height follows their extent.
  const probe = geoMercator().fitWidth(width - 2 * pad, shapes);
  const [[, y0], [, y1]] = geoPath(probe).bounds(shapes);
  const mapHeight = Math.min(Math.ceil(y1 - y0) + 2 * pad, o.maxHeight ?? Infinity);
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, mapHeight - pad],
    ],
    shapes,
  );
  const draw = geoPath(projection).digits(o.digits ?? 1);
  const values = shapes.features.map((f) => o.values.get(f.properties.code) ?? null);
  const { classes, fillOf } = classesOf(values, o.unit, o.lang);
  const label = o.areaLabel ?? ((name, v) => `${name}: ${formatMapValue(v, o.unit, o.lang)}`);
  const paths = shapes.features
    .map((f: Feature<Geometry, Props>, i) => {
      const text = esc(label(f.properties.name, values[i]!));
      return `<path d="${draw(f) ?? ""}" fill="${fillOf(values[i]!)}" data-code="${esc(f.properties.code)}" role="img" aria-label="${text}"><title>${text}</title></path>`;
    })
    .join("");
  const legend = o.legend ? legendSvg(o.legend.title, classes, 12, mapHeight + 4, width) : null;
  const height = mapHeight + (legend ? legend.height + 4 : 0);
  const id = o.idPrefix ?? "map";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${esc(o.title)}</title><desc id="${id}-d">${esc(o.description)}</desc><rect width="${width}" height="${height}" fill="#fff"/><g stroke="#7f7f7f" stroke-width="${shapes.features.length > 60 ? 0.35 : 0.5}" stroke-linejoin="round">${paths}</g>${legend?.svg ?? ""}</svg>`;
  return { svg, classes, width, height, codes: shapes.features.map((f) => f.properties.code) };
}

/**
 * Tinos (Times New Roman–compatible, full Vietnamese) from its npm package: the PNG's text needs no
 * system font.
 */
function tinosFiles(): string[] {
  const dir = path.dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
  return [
    path.join(dir, "400Regular", "Tinos_400Regular.ttf"),
    path.join(dir, "700Bold", "Tinos_700Bold.ttf"),
  ];
}

/** The SVG as a PNG `width` pixels wide (white background), drawn off the event loop. */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: tinosFiles(), defaultFontFamily: "Tinos" },
    logLevel: "off",
  });
  return image.asPng();
}
