// What other modules may use from the system module.
export { markDraining, registerSystemRoutes } from "./system.routes";
