import { bbox, quantize } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";
import type { BoundaryTopology } from "./boundaries";

/**
 * The boundaries as the browser draws them: thinned with topojson-simplify (Visvalingam, on the
 * shared arcs, so two communes' common border stays one line) to what a map as wide as
 * `SERVED_DETAIL` pixels can show, then quantized to a 10,000-step grid (delta-encoded integers).
 * The official files hold ~60,000 points for a large province; the served ones ~9,000, which the
 * browser converts and draws in a fraction of the time. Changing these numbers changes the files'
 * content hash (SIMPLIFY_VERSION), so browsers fetch the new ones.
 */
export const SERVED_DETAIL = 1500;
const QUANTIZE = 1e4;
export const SIMPLIFY_VERSION = `vw-${SERVED_DETAIL}-q${QUANTIZE}`;

/** A thinner, quantized copy of a boundary topology; the input is left as it is. */
export function simplifyForServing(topo: BoundaryTopology): BoundaryTopology {
  const [x0, y0, x1, y1] = topo.bbox ?? bbox(topo as unknown as Topology);
  const extent = Math.max(x1! - x0!, y1! - y0!);
  // Visvalingam's weight is a triangle's area (in degrees²): drop points whose triangle is smaller
  // than one pixel of a map SERVED_DETAIL pixels across the file's extent.
  const minWeight = (extent / SERVED_DETAIL) ** 2;
  const thin = simplify(presimplify(topo as unknown as Topology<Objects<object>>), minWeight);
  const out = quantize(thin, QUANTIZE) as unknown as BoundaryTopology;
  return { ...out, bbox: topo.bbox ?? out.bbox };
}
