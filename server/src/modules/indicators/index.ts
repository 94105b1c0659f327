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
export { activitiesByChild, groupsByChild, householdsByChild } from "./dashboard-children";
export { loadIndicatorUnit } from "./indicators.query";
