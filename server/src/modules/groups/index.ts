// What other modules (plans, reports, the start-up seed) may use from the groups module.
export { GROUP_TYPE_CATALOGUE, seedGroupTypes } from "./group-types.catalogue";
export { groupTotals, groupTypesByCode } from "./groups.stats";
export { groupRoutes } from "./groups.routes";
