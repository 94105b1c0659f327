import type { CurrentUser, Permission, Role } from "@toandan/contracts";

/**
 * The same check as `can` (permissions.ts), kept here: the router loads this file on every page,
 * and permissions.ts brings the roles' tables (and Zod) with it.
 */
const can = (user: CurrentUser, permission: Permission) => user.permissions.includes(permission);

/** A console page a person can land on after signing in. */
export type LandingPath =
  "/tai-khoan" | "/tin-bao" | "/ho-so" | "/thu-thap" | "/bang-dieu-khien" | "/don-vi" | "/du-lieu-ca-nhan";

/**
 * Where each role's daily work is, in order of precedence when an account holds several roles.
 * The page's own permission is checked too, so a landing never opens on "not found".
 */
const WORK_PAGES: readonly { roles: readonly Role[]; to: LandingPath; permission: Permission }[] = [
  // The administrator manages accounts and roles.
  { roles: ["system_admin"], to: "/tai-khoan", permission: "account.read" },
  // The police handle the tips that came in.
  { roles: ["commune_police", "province_police"], to: "/tin-bao", permission: "tip.handle" },
  // The case officer keeps the reintegration case files.
  { roles: ["commune_case_officer"], to: "/ho-so", permission: "case.read" },
  // The data-protection officer starts on the clocks of requests and breaches.
  { roles: ["data_protection_officer"], to: "/du-lieu-ca-nhan", permission: "privacy.manage" },
  // A residential-area cadre records today's work at their area, on a phone and often offline: the
  // capture screens (their light shell loads fast on a slow line and opens with no network).
  { roles: ["residential_area_cadre"], to: "/thu-thap", permission: "activity.create" },
  // Ward and province accounts (Front committees, member organisations, viewers) follow their
  // unit on the dashboard.
  {
    roles: ["commune_front", "province_front", "member_org_cadre", "viewer"],
    to: "/bang-dieu-khien",
    permission: "indicator.read",
  },
];

/** The page a user starts on after signing in (or when opening the console's home). */
export function landingPath(user: CurrentUser): LandingPath {
  const held = new Set(user.roles.map((r) => r.role));
  for (const page of WORK_PAGES) {
    if (page.roles.some((r) => held.has(r)) && can(user, page.permission)) return page.to;
  }
  if (can(user, "indicator.read")) return "/bang-dieu-khien";
  return "/don-vi";
}
