export { assertPeriodOpen } from "./period-locks";
export { reportRoutes } from "./reports.routes";
