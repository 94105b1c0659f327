// What other modules may use from the accounts module.
export { accountRoutes } from "./accounts.routes";
export { createAccount } from "./commands/create-account";
