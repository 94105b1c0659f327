export { planRoutes } from "./plans.routes";
export { seedDemoPlan279 } from "./demo-plan-279";
