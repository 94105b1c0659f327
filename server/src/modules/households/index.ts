// What other modules may use from the households module.
export { commitmentCoverage, coverageGroups, type CoverageParams } from "./households.coverage";
export { householdRoutes } from "./households.routes";
