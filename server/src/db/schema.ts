export * from "../modules/org-units/org-units.table";
export * from "../modules/accounts/accounts.table";
export * from "../kernel/audit.table";
