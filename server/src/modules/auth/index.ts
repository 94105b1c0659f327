// What other modules may use from the auth module.
export { authRoutes } from "./auth.routes";
export { hashPassword, useCheapPasswordHashingInTests } from "./password";
export { assertNewPassword, type NewPasswordOwner } from "./password-policy";
export { actorFromToken, SESSION_COOKIE, type RoleRow } from "./sessions";
