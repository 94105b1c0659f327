// What other modules may use from the commendations module.
export { commendationStatistics } from "./commendations.stats";
export { commendations } from "./commendations.table";
export { commendationRoutes } from "./commendations.routes";
export { listExemplarRows } from "./commendations.public";
