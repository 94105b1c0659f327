// What other modules (and app.ts) may use from the maps module.
export {
  BOUNDARIES_DIR,
  BOUNDARY_ATTRIBUTION,
  COMMUNES_OBJECT,
  PROVINCES_OBJECT,
  boundaryCodes,
  boundaryFileName,
  loadCommuneBoundaries,
  loadProvinceBoundaries,
  type BoundaryGeometry,
  type BoundaryTopology,
} from "./boundaries";
export { formatMapValue, renderChoroplethSvg, svgToPng, type MapClass, type RenderedMap } from "./render-map";
export { boundaryHash, boundaryUrl, servedBoundaryFile } from "./boundary-files";
export { getMapValues, mapIndicators } from "./map-values";
export { boundaryRoutes, mapRoutes } from "./maps.routes";
