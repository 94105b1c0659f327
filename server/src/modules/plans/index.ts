export { planRoutes } from "./plans.routes";
