export { computeIndicator, listIndicators, type IndicatorScope } from "./registry";
