// What other modules (app.ts) may use from the privacy module.
export { privacyRoutes } from "./privacy.routes";
export { PROCESSING_REGISTER } from "./register";
