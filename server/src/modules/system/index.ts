// What other modules may use from the system module.
export { registerSystemRoutes } from "./system.routes";
