// What other modules may use from the news module.
export { citizenRoutes, portalPages } from "./citizen.plugin";
export { seedDemoCitizen } from "./seed-demo-citizen";
