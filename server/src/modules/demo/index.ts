// What other modules may use from the demo module.
export { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoAccounts, seedDemo } from "./seed-demo";
