// What other modules may use from the cases module (figures for the indicator registry, demo seed).
export { caseStatistics, periodRange } from "./cases.stats";
export { seedDemoCases } from "./demo-cases";
