// What the app composes from the sync module: the outbox's batch route (decision 0015).
export { syncRoutes } from "./sync.routes";
