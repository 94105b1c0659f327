import { z } from "zod";

/** Every permission is `resource.action`. Later modules add theirs here. */
export const PERMISSIONS = [
  "org_unit.read",
  "org_unit.create",
  "org_unit.import",
  "account.read",
  "account.create",
  "account.update",
  "audit.read",
  "plan.read",
  "plan.manage",
  "activity.read",
  "activity.create",
  "activity.update",
  "activity.delete",
  "group.read",
  "group.manage",
  "household.read",
  "household.manage",
  "tip.handle",
  "tip.stats",
  "feedback.handle",
  "news.write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  "system_admin",
  "province_front",
  "province_police",
  "commune_front",
  "commune_police",
  "member_org_cadre",
  "residential_area_cadre",
  "viewer",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = (typeof ROLES)[number];

const ALL: Permission[] = [...PERMISSIONS];
const UNIT_MANAGER: Permission[] = ["org_unit.read", "org_unit.create", "org_unit.import"];
const MOVEMENT_READ: Permission[] = ["plan.read", "activity.read", "group.read", "household.read"];
const ACTIVITY_WRITE: Permission[] = ["activity.create", "activity.update", "activity.delete"];
const MOVEMENT_WRITE: Permission[] = [...ACTIVITY_WRITE, "plan.manage", "group.manage", "household.manage"];
/** Citizen channels: tip content is the police compartment; everyone else sees counts. */
const POLICE_CITIZEN: Permission[] = ["tip.handle", "tip.stats", "feedback.handle", "news.write"];
const FRONT_CITIZEN: Permission[] = ["tip.stats", "feedback.handle", "news.write"];

export const ROLE_PERMISSIONS = {
  system_admin: ALL,
  province_front: [...UNIT_MANAGER, "account.read", ...MOVEMENT_READ, ...MOVEMENT_WRITE, ...FRONT_CITIZEN],
  province_police: [...UNIT_MANAGER, "account.read", ...MOVEMENT_READ, ...MOVEMENT_WRITE, ...POLICE_CITIZEN],
  commune_front: [...UNIT_MANAGER, ...MOVEMENT_READ, ...MOVEMENT_WRITE, ...FRONT_CITIZEN],
  commune_police: [...UNIT_MANAGER, ...MOVEMENT_READ, ...MOVEMENT_WRITE, ...POLICE_CITIZEN],
  member_org_cadre: ["org_unit.read", ...MOVEMENT_READ, ...ACTIVITY_WRITE, "tip.stats"],
  residential_area_cadre: [
    "org_unit.read",
    ...MOVEMENT_READ,
    ...ACTIVITY_WRITE,
    "group.manage",
    "household.manage",
    "tip.stats",
  ],
  viewer: ["org_unit.read", ...MOVEMENT_READ, "tip.stats"],
} as const satisfies Record<Role, readonly Permission[]>;

/** Unit kinds a role may be held at (checked when an account is given a role). */
export const ROLE_UNIT_KINDS = {
  system_admin: ["country"],
  province_front: ["province"],
  province_police: ["province"],
  commune_front: ["commune"],
  commune_police: ["commune"],
  member_org_cadre: ["province", "commune"],
  residential_area_cadre: ["residential_area"],
  viewer: ["country", "province", "commune", "residential_area"],
} as const satisfies Record<Role, readonly string[]>;

export const BODY_KINDS = [
  "front",
  "police",
  "farmers",
  "women",
  "veterans",
  "youth",
  "labour",
  "elderly",
  "steering",
  "grassroots_team",
] as const;
export const BodyKindSchema = z.enum(BODY_KINDS);
export type BodyKind = (typeof BODY_KINDS)[number];

/** The body a role is normally held for (member-organisation cadres and viewers choose). */
export const ROLE_BODIES = {
  system_admin: ["front", "police"],
  province_front: ["front"],
  province_police: ["police"],
  commune_front: ["front"],
  commune_police: ["police"],
  member_org_cadre: ["farmers", "women", "veterans", "youth", "labour", "elderly"],
  residential_area_cadre: ["front", "grassroots_team", "police"],
  viewer: [...BODY_KINDS],
} as const satisfies Record<Role, readonly BodyKind[]>;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}
