import {
  ROLE_PERMISSIONS,
  type CurrentUser,
  type OrganizerBodies,
  type OrgUnitDetail,
  type Role,
} from "@toandan/contracts";

export const WARD_ID = "11111111-1111-4111-8111-111111111111";
export const PROVINCE_ID = "22222222-2222-4222-8222-222222222222";
export const FRONT_BODY_ID = "33333333-3333-4333-8333-333333333331";
export const POLICE_BODY_ID = "33333333-3333-4333-8333-333333333332";
export const PROVINCE_FRONT_BODY_ID = "33333333-3333-4333-8333-333333333333";

/** A signed-in user with one role at a ward (Phường Bến Thành unless told otherwise). */
export function makeUser(role: Role = "commune_front", over: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: "44444444-4444-4444-8444-444444444444",
    username: "can.bo",
    displayName: "Nguyễn Văn An",
    locale: "vi",
    roles: [
      {
        role,
        orgUnitId: WARD_ID,
        orgUnitName: "Phường Bến Thành",
        orgUnitKind: "commune",
        body: "front",
      },
    ],
    permissions: [...ROLE_PERMISSIONS[role]],
    ...over,
  };
}

function unit(id: string, over: Partial<OrgUnitDetail>): OrgUnitDetail {
  return {
    id,
    code: null,
    kind: "commune",
    type: null,
    name: "",
    fullName: "",
    parentId: null,
    provinceId: PROVINCE_ID,
    validFrom: "2025-07-01",
    validTo: null,
    childCount: 0,
    ancestorNames: null,
    ancestors: [],
    bodies: [],
    successors: [],
    predecessors: [],
    changes: [],
    ...over,
  };
}

export const PROVINCE: OrgUnitDetail = unit(PROVINCE_ID, {
  kind: "province",
  code: "79",
  name: "Hồ Chí Minh",
  fullName: "Thành phố Hồ Chí Minh",
  provinceId: null,
  bodies: [{ id: PROVINCE_FRONT_BODY_ID, kind: "front", name: "Ủy ban MTTQ Việt Nam Thành phố" }],
});

export const WARD: OrgUnitDetail = unit(WARD_ID, {
  code: "26734",
  name: "Bến Thành",
  fullName: "Phường Bến Thành",
  parentId: PROVINCE_ID,
  ancestors: [PROVINCE],
  bodies: [
    { id: FRONT_BODY_ID, kind: "front", name: "Ủy ban MTTQ Việt Nam phường" },
    { id: POLICE_BODY_ID, kind: "police", name: "Công an phường" },
  ],
});

/** `GET /org-units/<ward>/organizer-bodies`: the ward's bodies, then the province's. */
export const WARD_ORGANIZERS: OrganizerBodies = {
  orgUnitId: WARD_ID,
  levels: [
    { orgUnitId: WARD_ID, orgUnitName: WARD.fullName, orgUnitKind: "commune", bodies: WARD.bodies },
    {
      orgUnitId: PROVINCE_ID,
      orgUnitName: PROVINCE.fullName,
      orgUnitKind: "province",
      bodies: PROVINCE.bodies,
    },
  ],
};
