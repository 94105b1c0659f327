// What other modules may use from the feedback module.
export { submitFeedback } from "./commands/submit-feedback";
export { feedbackRoutes } from "./feedback.routes";
export { feedbackFigures } from "./feedback.stats";
/** Retention (issue 19): drops senders' identities of feedback closed long ago. */
export { dropClosedFeedbackIdentities } from "./feedback.retention";
/** Data-subject requests (privacy, issue 19): the records about a person in the given subtrees. */
export {
  actOnFeedbackPersonRecord,
  backfillFeedbackContacts,
  findFeedbackPersonRecords,
} from "./feedback.person-records";
