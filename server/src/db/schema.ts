export * from "../modules/org-units/org-units.table";
export * from "../modules/accounts/accounts.table";
export * from "../kernel/audit.table";
export * from "../modules/activities/activities.table";
export * from "../modules/groups/groups.table";
export * from "../modules/households/households.table";
export * from "../modules/plans/plans.table";
export * from "../modules/indicators/indicators.table";
