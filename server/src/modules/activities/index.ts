// What other modules may use from the activities module.
export { activityTotals } from "./activities.totals";
/** Bulk loaders must set `organizerKinds` on each activity row with this (distinct kinds, sorted). */
export { organizerKindsOf } from "./activities.policy";
export { activities, activityOrganizers } from "./activities.table";
export { activityRoutes } from "./activities.routes";
export { provinceOf } from "./commands/create-activity";
