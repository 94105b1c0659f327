// What other modules may use from the households module.
export { commitmentCoverage, coverageGroups, type CoverageParams } from "./households.coverage";
/** The household rollups (decision 0007): read by the indicators and the dashboards. */
export { readHouseholdRollups, type HouseholdRollupRow } from "./households.rollups";
export { householdRoutes } from "./households.routes";
/** Safe-family figures (households, recognised, rate) for the indicators registry. */
export { safeFamilyFigures, safeFamilyGroups } from "./safe-families.queries";
/** Retention (issue 19): de-identifies households that moved out long ago; figures unchanged. */
export { deidentifyMovedOutHouseholds } from "./households.retention";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export { actOnHouseholdPersonRecord, findHouseholdPersonRecords } from "./households.person-records";
