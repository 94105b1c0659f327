export {
  computeIndicator,
  computeIndicators,
  listIndicators,
  suppressSmallTipCells,
  type Compute,
  type IndicatorScope,
} from "./registry";
export { indicatorRoutes } from "./indicators.routes";
export { queryIndicators } from "./indicators.query";
export { rebuildActivityRollups } from "./activity-rollups";
