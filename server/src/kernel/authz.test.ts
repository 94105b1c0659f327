import { ROLES, ROLE_PERMISSIONS, type Role } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { isInScope, makeActor, scopePrefixes, type ActorRole } from "./authz";

const grant = (role: Role, orgUnitPath: string): ActorRole => ({
  role,
  orgUnitId: orgUnitPath,
  orgUnitName: orgUnitPath,
  orgUnitKind: "commune",
  orgUnitPath,
  body: "front",
});

const actor = (...roles: ActorRole[]) =>
  makeActor({
    accountId: "a",
    username: "a",
    displayName: "a",
    locale: "vi",
    roles,
    sessionTokenHash: "",
    csrfToken: "",
  });

describe("permissions", () => {
  it("every role can read units; only the system administrator and the data-protection officer read the audit log", () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toContain("org_unit.read");
    expect(ROLES.filter((r) => (ROLE_PERMISSIONS[r] as readonly string[]).includes("audit.read"))).toEqual([
      "system_admin",
      "data_protection_officer",
    ]);
  });

  it.each([
    ["commune_front", "/vn/cm/bl/", "/vn/cm/bl/khom1/", true],
    ["commune_front", "/vn/cm/bl/", "/vn/cm/ax/", false],
    ["commune_front", "/vn/cm/bl/", "/vn/cm/", false],
    ["province_front", "/vn/cm/", "/vn/cm/ax/k2/", true],
    ["province_front", "/vn/cm/", "/vn/hn/", false],
    ["system_admin", "/vn/", "/vn/hn/x/", true],
  ] as const)("%s at %s reads %s: %s", (role, at, target, expected) => {
    expect(isInScope(actor(grant(role, at)), "org_unit.read", target)).toBe(expected);
  });

  it("uses only the grants that hold the permission, and folds nested ones", () => {
    const a = actor(
      grant("viewer", "/vn/hn/"),
      grant("commune_front", "/vn/cm/bl/"),
      grant("province_front", "/vn/cm/"),
    );
    expect(scopePrefixes(a, "org_unit.create").sort()).toEqual(["/vn/cm/"]);
    expect(scopePrefixes(a, "org_unit.read").sort()).toEqual(["/vn/cm/", "/vn/hn/"]);
    expect(scopePrefixes(a, "account.create")).toEqual([]);
  });
});
