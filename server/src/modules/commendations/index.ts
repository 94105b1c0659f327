// What other modules may use from the commendations module.
export { commendationStatistics } from "./commendations.stats";
export { commendations } from "./commendations.table";
export { commendationRoutes } from "./commendations.routes";
export { listExemplarRows } from "./commendations.public";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export { actOnCommendationPersonRecord, findCommendationPersonRecords } from "./commendations.person-records";
