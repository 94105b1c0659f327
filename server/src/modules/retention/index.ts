// The retention module (issue 19 item 5): rules per kind of record, the run and its daily job.
export { retentionRoutes } from "./retention.routes";
export { queueDailyRetention } from "./retention.job";
export { RULE_DEFAULTS } from "./retention.rules";
