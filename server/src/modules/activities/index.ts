// What other modules may use from the activities module.
export { activityTotals } from "./activities.totals";
/** The monthly activity rollups (decision 0007): read by the indicators and the dashboards. */
export {
  type DimFilter,
  isWholeMonths,
  readActivityRollups,
  rebuildActivityRollups,
  ROLLUP_FIGURES,
  type RollupField,
  type RollupRow,
} from "./activities.rollups";
/** Folds the pending activity changes into the rollups, in the background (started by the app). */
export {
  foldActivityRollups,
  pendingRollupChanges,
  startRollupFolder,
  type RollupFolder,
} from "./activities.rollup-folder";
/** Bulk loaders must set `organizerKinds` on each activity row with this (distinct kinds, sorted). */
export { organizerKindsOf } from "./activities.policy";
/** The body kinds a member-organisation cadre is limited to at a path (null: no limit); media uses it. */
export { memberOrgLimit } from "./activities.policy";
export { activities, activityOrganizers } from "./activities.table";
export { activityRoutes } from "./activities.routes";
/** The festival day 19/8 (yearly figures per subtree) and trainees, read by the indicators. */
export { festivalFigures, heldFestivalFigures } from "./festivals.queries";
export { traineeCount } from "./trainings.queries";
export { festivals, activityTrainings, activityTrainees } from "./activities.table";
