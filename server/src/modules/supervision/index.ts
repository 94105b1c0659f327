// What other modules may use from the supervision module (the Front's giám sát).
export { supervisionStatistics } from "./supervision.totals";
export { supervisions, supervisionRecommendations } from "./supervision.table";
export { supervisionRoutes } from "./supervision.routes";
