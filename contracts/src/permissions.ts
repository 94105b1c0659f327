import { z } from "zod";

/** Every permission is `resource.action`. Later modules add theirs here. */
export const PERMISSIONS = [
  "org_unit.read",
  "org_unit.create",
  "org_unit.import",
  /** A commune's population (number, as-of day, source), the base of rates per 10,000 people. */
  "org_unit.population",
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
  "certification.read",
  "certification.register",
  "certification.self_assess",
  "certification.appraise",
  "certification.decide",
  "certification.record_event",
  /** Circular 124/2021 Art. 8.1: a province's extra criteria and recognising authorities (held at the province). */
  "certification.configure",
  "case.read",
  "case.manage",
  "case.report",
  "case.stats",
  "case.export",
  "hotspot.read",
  "hotspot.manage",
  /** Front supervision (giám sát): plans, findings, recommendations; respond = answer those addressed to one's body. */
  "supervision.read",
  "supervision.manage",
  "supervision.respond",
  /** Steering committees (Ban Chỉ đạo): their members, meetings and assignments. */
  "committee.read",
  "committee.manage",
  "commendation.read",
  "commendation.nominate",
  "commendation.endorse",
  "commendation.decide",
  "commendation.publish",
  "indicator.read",
  "report.read",
  "report.manage",
  "report.approve",
  "tip.handle",
  "tip.stats",
  "tip.intake",
  "remote_commune.manage",
  "feedback.handle",
  "news.write",
  /** The holidays table every working-day clock counts with (held by national system administrators). */
  "calendar.manage",
  /**
   * Personal-data duties (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the register of processing,
   * data-subject requests, breaches, consent texts (`privacy.*`); retention rules and their runs
   * (`retention.*`). Held by the data-protection officer; administrators read.
   */
  "privacy.read",
  "privacy.manage",
  "retention.read",
  "retention.run",
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
  "commune_case_officer",
  "data_protection_officer",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = (typeof ROLES)[number];

/** Case files are read only by the commune's police, case officer and the assigned body. */
const CASE_FILE: Permission[] = ["case.read", "case.manage", "case.report", "case.export"];
/** The data-protection officer's own acts: administrators see the register and the rules, not act on them. */
const PRIVACY_ACT: Permission[] = ["privacy.manage", "retention.run"];
const ALL: Permission[] = PERMISSIONS.filter((p) => !CASE_FILE.includes(p) && !PRIVACY_ACT.includes(p));
const RECORDS_READ: Permission[] = ["case.stats", "hotspot.read", "commendation.read", "committee.read"];
const COMMENDATION_WORK: Permission[] = [
  "commendation.nominate",
  "commendation.endorse",
  "commendation.decide",
];
const CASE_WORK: Permission[] = ["case.read", "case.manage", "case.report"];
const UNIT_MANAGER: Permission[] = [
  "org_unit.read",
  "org_unit.create",
  "org_unit.import",
  "org_unit.population",
];
const MOVEMENT_READ: Permission[] = [
  "plan.read",
  "activity.read",
  "group.read",
  "household.read",
  "indicator.read",
  "report.read",
];
const ACTIVITY_WRITE: Permission[] = ["activity.create", "activity.update", "activity.delete"];
const MOVEMENT_WRITE: Permission[] = [...ACTIVITY_WRITE, "plan.manage", "group.manage", "household.manage"];
/** Certification (Circular 124/2021): the unit registers and assesses itself; bodies above appraise and decide. */
const CERT_UNIT: Permission[] = ["certification.read", "certification.register", "certification.self_assess"];
const CERT_ALL: Permission[] = [
  ...CERT_UNIT,
  "certification.appraise",
  "certification.decide",
  "certification.record_event",
];
/** Citizen channels: tip content is the police compartment; everyone else sees counts. */
const POLICE_CITIZEN: Permission[] = [
  "tip.handle",
  "tip.stats",
  "tip.intake",
  "feedback.handle",
  "news.write",
];
const FRONT_CITIZEN: Permission[] = ["tip.stats", "tip.intake", "feedback.handle", "news.write"];
/**
 * `tip.intake`: recording a crime report received orally, by phone, by letter or passed on by a
 * cadre (CPC 2015 Art. 145–146). Police record it for their units; Front and association cadres
 * record the reports they pass on, which go to the commune police inbox (Art. 145.1: other agencies
 * and organisations receive reports and pass them on at once; Joint Circular 01/2017 Art. 5).
 * `remote_commune.manage`: the list of remote communes whose urgent tips get 48 hours (JC 01/2017
 * Art. 8.5), kept by province-level administrators for their province (and national ones).
 */
const PROVINCE_ADMIN: Permission[] = ["remote_commune.manage"];

/** The Front supervises (Law on VFF 2015 Art. 25–27); the bodies supervised answer its recommendations. */
const SUPERVISION_FRONT: Permission[] = ["supervision.read", "supervision.manage"];
/**
 * Approval is the level above's (checked per report): the province approves the communes' reports,
 * the commune (ward) its residential areas' reports, from which it compiles its own review.
 */
const REPORT_APPROVE: Permission[] = ["report.manage", "report.approve"];
export const ROLE_PERMISSIONS = {
  system_admin: ALL,
  province_front: [
    ...UNIT_MANAGER,
    "account.read",
    ...MOVEMENT_READ,
    ...MOVEMENT_WRITE,
    ...CERT_ALL,
    "certification.configure",
    ...RECORDS_READ,
    "hotspot.manage",
    "committee.manage",
    ...COMMENDATION_WORK,
    "commendation.publish",
    ...REPORT_APPROVE,
    ...FRONT_CITIZEN,
    ...SUPERVISION_FRONT,
    ...PROVINCE_ADMIN,
  ],
  province_police: [
    ...UNIT_MANAGER,
    "account.read",
    ...MOVEMENT_READ,
    ...MOVEMENT_WRITE,
    ...CERT_ALL,
    "certification.configure",
    ...RECORDS_READ,
    "hotspot.manage",
    "committee.manage",
    ...COMMENDATION_WORK,
    ...REPORT_APPROVE,
    ...POLICE_CITIZEN,
    "supervision.read",
    "supervision.respond",
    ...PROVINCE_ADMIN,
  ],
  commune_front: [
    ...UNIT_MANAGER,
    ...MOVEMENT_READ,
    ...MOVEMENT_WRITE,
    ...CERT_UNIT,
    "certification.decide",
    ...RECORDS_READ,
    "case.report",
    "hotspot.manage",
    "committee.manage",
    ...COMMENDATION_WORK,
    "commendation.publish",
    ...REPORT_APPROVE,
    ...FRONT_CITIZEN,
    ...SUPERVISION_FRONT,
  ],
  commune_police: [
    ...UNIT_MANAGER,
    ...MOVEMENT_READ,
    ...MOVEMENT_WRITE,
    ...CERT_ALL,
    ...RECORDS_READ,
    ...CASE_WORK,
    "hotspot.manage",
    "committee.manage",
    ...COMMENDATION_WORK,
    ...REPORT_APPROVE,
    ...POLICE_CITIZEN,
    "supervision.read",
    "supervision.respond",
  ],
  member_org_cadre: [
    "org_unit.read",
    ...MOVEMENT_READ,
    ...ACTIVITY_WRITE,
    "certification.read",
    ...RECORDS_READ,
    "case.report",
    "commendation.nominate",
    "tip.stats",
    "tip.intake",
  ],
  residential_area_cadre: [
    "org_unit.read",
    ...MOVEMENT_READ,
    ...ACTIVITY_WRITE,
    "group.manage",
    "household.manage",
    ...CERT_UNIT,
    ...RECORDS_READ,
    "case.report",
    "commendation.nominate",
    "tip.stats",
    "tip.intake",
    // The area's own report to the ward, which compiles its review from them.
    "report.manage",
  ],
  viewer: [
    "org_unit.read",
    ...MOVEMENT_READ,
    "certification.read",
    ...RECORDS_READ,
    "tip.stats",
    "supervision.read",
  ],
  commune_case_officer: ["org_unit.read", ...RECORDS_READ, ...CASE_WORK, "case.export"],
  /**
   * The data-protection officer (Law 91/2025): the register, requests, breaches, consent texts,
   * retention and the access logs (audit log, case-file reads) — never sealed content (no
   * `case.read`, `tip.handle`, `feedback.handle`).
   */
  data_protection_officer: [
    "org_unit.read",
    "account.read",
    "audit.read",
    "privacy.read",
    "privacy.manage",
    "retention.read",
    "retention.run",
  ],
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
  commune_case_officer: ["commune"],
  data_protection_officer: ["country", "province"],
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
  commune_case_officer: ["police", "front"],
  data_protection_officer: ["police", "front"],
} as const satisfies Record<Role, readonly BodyKind[]>;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

/** Each role's permissions as a set, built once (checked per grant on every scoped request). */
const ROLE_PERMISSION_SETS = new Map<Role, ReadonlySet<Permission>>();

/** Whether `role` carries `permission`: `permissionsOf([role]).has(permission)`, without a new set per call. */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  let set = ROLE_PERMISSION_SETS.get(role);
  if (!set) {
    set = new Set<Permission>(ROLE_PERMISSIONS[role]);
    ROLE_PERMISSION_SETS.set(role, set);
  }
  return set.has(permission);
}
