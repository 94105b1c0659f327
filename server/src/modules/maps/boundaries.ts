import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The official boundaries of 1 July 2025 (reference-data/vn-admin/boundaries, see NOTICE.md there):
 * the 34 provinces in one file, each province's communes in its own file. Every geometry's `id` is
 * the unit's official code, the same code `org_units.code` holds.
 */
export const BOUNDARIES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../reference-data/vn-admin/boundaries",
);

/** The line every map drawn from these files shows. */
export const BOUNDARY_ATTRIBUTION =
  "Ranh giới: sapnhap.bando.com.vn, qua thanglequoc/vietnamese-provinces-database (MIT)";

/** The object name inside each file: `topo.objects.provinces` or `topo.objects.communes`. */
export const PROVINCES_OBJECT = "provinces";
export const COMMUNES_OBJECT = "communes";

export type BoundaryGeometry = {
  type: string;
  /** The unit's official code (2 digits for a province, 5 for a commune). */
  id: string;
  properties: { code: string; name: string; province_code?: string };
  arcs?: unknown;
};

/** A TopoJSON Topology as the files hold it (structurally a `topojson-specification` Topology). */
export type BoundaryTopology = {
  type: "Topology";
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: "GeometryCollection"; geometries: BoundaryGeometry[] }>;
};

const PROVINCE_CODE = /^\d{2}$/;
const PROVINCES_FILE = "provinces_2025-07-01.topojson";

/** The file a boundary set lives in, relative to BOUNDARIES_DIR; null for a code with no file. */
export function boundaryFileName(level: "provinces"): string;
export function boundaryFileName(level: "communes", provinceCode: string): string | null;
export function boundaryFileName(level: "provinces" | "communes", provinceCode?: string): string | null {
  if (level === "provinces") return PROVINCES_FILE;
  if (!provinceCode || !PROVINCE_CODE.test(provinceCode)) return null;
  const name = `by-province/${provinceCode}.topojson`;
  return fs.existsSync(path.join(BOUNDARIES_DIR, name)) ? name : null;
}

const parsed = new Map<string, BoundaryTopology>();

function readTopology(name: string): BoundaryTopology {
  let topo = parsed.get(name);
  if (!topo) {
    topo = JSON.parse(fs.readFileSync(path.join(BOUNDARIES_DIR, name), "utf8")) as BoundaryTopology;
    parsed.set(name, topo);
  }
  return topo;
}

/** The 34 provinces (object `provinces`), read once and kept. Treat the result as read-only. */
export function loadProvinceBoundaries(): BoundaryTopology {
  return readTopology(PROVINCES_FILE);
}

/**
 * One province's communes (object `communes`), read once per province and kept; null when the
 * code is not one of the 34 current provinces. Treat the result as read-only.
 */
export function loadCommuneBoundaries(provinceCode: string): BoundaryTopology | null {
  const name = boundaryFileName("communes", provinceCode);
  return name ? readTopology(name) : null;
}

/** The codes a boundary set holds, in file order. */
export function boundaryCodes(topo: BoundaryTopology): string[] {
  return Object.values(topo.objects).flatMap((o) => o.geometries.map((g) => String(g.id)));
}
