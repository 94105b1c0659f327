// What other modules may use from the hotspots module.
export { hotspotStatistics } from "./hotspots.stats";
export { hotspots } from "./hotspots.table";
export { hotspotRoutes } from "./hotspots.routes";
