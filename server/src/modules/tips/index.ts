// What other modules may use from the tips module.
export { appendTipMessage } from "./commands/reply-to-tip";
export { submitTip } from "./commands/submit-tip";
export { tipFigures } from "./tips.counts";
export { isPolice, isPoliceOver } from "./tips.policy";
export { tipRoutes } from "./tips.routes";
/** Retention (issue 19): drops contact details of tips whose dialogue closed long ago. */
export { dropClosedTipContacts } from "./tips.retention";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export { actOnTipPersonRecord, backfillTipContacts, findTipPersonRecords } from "./tips.person-records";
