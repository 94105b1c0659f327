// What other modules may use from the committees module.
export { committeeTotals } from "./committees.queries";
export {
  committeeAssignments,
  committeeMeetings,
  committeeMembers,
  steeringCommittees,
} from "./committees.table";
export { createSteeringCommittee } from "./commands/create-steering-committee";
export { seedDemoCommittees } from "./demo-committees";
export { committeeRoutes } from "./committees.routes";
