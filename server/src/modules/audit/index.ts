// What other modules may use from the audit module.
export { auditRoutes } from "./audit.routes";
