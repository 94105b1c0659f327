// What other modules may use from the cases module (figures for the indicator registry, demo seed).
export { caseStatistics, periodRange } from "./cases.stats";
export { seedDemoCases } from "./demo-cases";
export { aad, caseCryptoFor } from "./cases.crypto";
export { caseDueDates } from "./cases.deadlines";
export { caseRoutes } from "./cases.routes";
export { reintegrationFigures } from "./cases.stats";
export { caseHelpFigures } from "./cases.help-stats";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export { findCasePersonRecords } from "./cases.person-records";
/** Retention (issue 19): de-identifies files ended by expungement or a served measure. */
export { deidentifyEndedCases } from "./cases.retention";
