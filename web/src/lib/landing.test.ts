import { ROLE_PERMISSIONS, type CurrentUser, type Role } from "@toandan/contracts";
import { describe, expect, it } from "vitest";
import { makeUser } from "../test/fixtures";
import { landingPath } from "./landing";

function withRoles(...roles: Role[]): CurrentUser {
  const base = makeUser(roles[0]);
  const role = base.roles[0]!;
  return {
    ...base,
    roles: roles.map((r) => ({ ...role, role: r })),
    permissions: [...new Set(roles.flatMap((r) => [...ROLE_PERMISSIONS[r]]))],
  };
}

describe("landingPath", () => {
  it.each<[Role, string]>([
    ["system_admin", "/tai-khoan"],
    ["province_front", "/bang-dieu-khien"],
    ["commune_front", "/bang-dieu-khien"],
    ["province_police", "/tin-bao"],
    ["commune_police", "/tin-bao"],
    ["commune_case_officer", "/ho-so"],
    ["residential_area_cadre", "/thu-thap"],
    ["member_org_cadre", "/bang-dieu-khien"],
    ["viewer", "/bang-dieu-khien"],
  ])("%s lands on %s", (role, path) => {
    expect(landingPath(makeUser(role))).toBe(path);
  });

  it("an account with several roles lands on the work of the most specific one", () => {
    expect(landingPath(withRoles("commune_front", "commune_police"))).toBe("/tin-bao");
    expect(landingPath(withRoles("viewer", "residential_area_cadre"))).toBe("/thu-thap");
  });

  it("never lands on a page the user may not open", () => {
    const user = { ...makeUser("commune_police"), permissions: ["org_unit.read"] };
    expect(landingPath(user)).toBe("/don-vi");
    const noRoles = { ...makeUser("viewer"), roles: [] };
    expect(landingPath(noRoles)).toBe("/bang-dieu-khien");
  });
});
