// What the citizen channels (tips, feedback, news) share: receipt codes, routing to the unit that
// answers, legal clocks, attachments, the public route options and small-cell counts.
export { type CleanFile, cleanAttachment, cleanImage, decodeBase64 } from "./attachments";
export { CITIZEN_ROUTE, citizenRateLimit, citizenRoute } from "./citizen-route";
export { citizenRoutes } from "./citizen.routes";
export { type ClockInput, clocksOf, decisionDue, truncateToHour } from "./legal-clock";
export { ReceiptVerifier, newReceiptCode, newSecret } from "./receipt";
export { type RoutedUnit, routeToUnit } from "./routing";
export { shownCount } from "./small-cells";
/** The blind index of contact details on tips and feedback (issue 19): written and searched by their modules. */
export {
  contactIndexFor,
  contactIndexFromKeyFile,
  dropContactIndex,
  ephemeralContactIndex,
  findContactRecords,
  indexContact,
  newContactIndexRows,
  type ContactDetails,
  type ContactIndex,
  type ContactMatch,
  type ContactSource,
} from "./contact-index";
/** Consent to keeping a citizen's contact details (issue 19 item 7): the version agreed to, its state. */
export { contactConsentState, contactConsentVersion, type ContactConsentPurpose } from "./contact-consent";
/** A citizen channel's sealed contact: erase, correct, restrict and the once-only index backfill (tips, feedback). */
export {
  actOnContact,
  backfillContacts,
  correctContact,
  eraseContact,
  type ContactColumn,
  type StoredContact,
} from "./contact-records";
/** Restriction of processing at a data subject's request (decision 0017): set by each records module, listed and lifted by privacy. */
export {
  deleteRestriction,
  endRestrictionOnErasure,
  ERASED_REASON_VI,
  isRestricted,
  lockRestriction,
  notRestricted,
  refuseRestricted,
  RESTRICTED_VI,
  restrictedIds,
  restrictRecord,
  type RestrictionRow,
  type RestrictionSource,
} from "./restrictions";
