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
export {
  type DimFilter,
  ROLLUP_FIGURES,
  type RollupRow,
  isWholeMonths,
  readActivityRollups,
  rollupsCover,
} from "./activity-rollups";
export { activitiesByChild, groupsByChild, householdsByChild } from "./dashboard-children";
export { loadIndicatorUnit } from "./indicators.query";
export {
  readCertificationRollups,
  readGroupRollups,
  readHouseholdRollups,
  stockRollupsCover,
} from "./stock-rollups";
