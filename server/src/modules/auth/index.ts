// What other modules may use from the auth module.
export { authRoutes } from "./auth.routes";
export { hashPassword } from "./password";
export { type RoleRow } from "./sessions";
