// What other modules (plans, reports, the start-up seed) may use from the groups module.
export { GROUP_TYPE_CATALOGUE, seedGroupTypes } from "./group-types.catalogue";
export { groupTotals, groupTypesByCode } from "./groups.stats";
/** The group rollups (decision 0007): read by the indicators and the dashboards. */
export {
  readGroupCategoryRollups,
  readGroupRollups,
  type GroupCategoryRollupRow,
  type GroupRollupRow,
} from "./groups.rollups";
export { groupRoutes } from "./groups.routes";
/** Equipment and online groups of the models in a subtree (the indicators read it). */
export { equipmentTotals } from "./group-equipment.queries";
/** For the pilots module: a group in the caller's scope, or 404. */
export { getVisibleGroup } from "./groups.queries";
/** Sealed roster identities (issue 19): the crypto, the start-up upgrade of clear rows, retention. */
export {
  ephemeralRosterCrypto,
  rosterCryptoFor,
  rosterCryptoFromKeyFile,
  sealMember,
  type RosterCrypto,
} from "./groups.crypto";
export { sealLegacyRoster } from "./roster-upgrade";
/** Retention (issue 19): de-identifies members who left long ago; figures unchanged. */
export { deidentifyLeftMembers } from "./roster-retention";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export { actOnGroupPersonRecord, findGroupPersonRecords } from "./groups.person-records";
