// What other modules may use from the households module.
export { commitmentCoverage, type CoverageParams } from "./households.coverage";
