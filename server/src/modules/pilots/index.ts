// What other modules (indicators, the demo, app.ts) may use from the pilots module.
export { pilotFigures } from "./pilots.queries";
export { designatePilot } from "./commands/designate-pilot";
export { evaluatePilot } from "./commands/evaluate-pilot";
export { recordReplication } from "./commands/record-replication";
export { pilotRoutes } from "./pilots.routes";
