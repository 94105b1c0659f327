// What other modules may use from the privacy module.
export { currentConsentText, type CurrentConsentText } from "./consent-texts";
export { privacyRoutes } from "./privacy.routes";
export { PROCESSING_REGISTER } from "./register";
