import type { BodyKind, OrgUnitKind } from "@toandan/contracts";

const ALL: BodyKind[] = [
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
];

/** Which bodies exist at a unit of each kind. */
export const BODIES_BY_UNIT_KIND: Record<OrgUnitKind, BodyKind[]> = {
  country: [],
  province: ALL.filter((b) => b !== "grassroots_team"),
  // Pre-reform districts had the same bodies; records made before 2025 name them.
  district: ALL.filter((b) => b !== "grassroots_team"),
  commune: ALL,
  residential_area: ["front", "farmers", "women", "veterans", "youth", "elderly", "grassroots_team"],
  agency: [],
  enterprise: [],
  school: [],
};

export const PROVINCE_COMMUNE_NAMES: Record<BodyKind, string> = {
  front: "Ủy ban Mặt trận Tổ quốc Việt Nam",
  police: "Công an",
  farmers: "Hội Nông dân",
  women: "Hội Liên hiệp Phụ nữ",
  veterans: "Hội Cựu chiến binh",
  youth: "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
  labour: "Liên đoàn Lao động",
  elderly: "Hội Người cao tuổi",
  steering: "Ban Chỉ đạo phòng, chống tội phạm và phong trào Toàn dân bảo vệ an ninh Tổ quốc",
  grassroots_team: "Tổ bảo vệ an ninh, trật tự ở cơ sở",
};

const RESIDENTIAL_NAMES: Partial<Record<BodyKind, string>> = {
  front: "Ban Công tác Mặt trận",
  farmers: "Chi hội Nông dân",
  women: "Chi hội Phụ nữ",
  veterans: "Chi hội Cựu chiến binh",
  youth: "Chi đoàn Thanh niên",
  elderly: "Chi hội Người cao tuổi",
  grassroots_team: "Tổ bảo vệ an ninh, trật tự",
};

export function bodyName(kind: BodyKind, unitKind: OrgUnitKind, unitFullName: string): string {
  const base =
    unitKind === "residential_area"
      ? (RESIDENTIAL_NAMES[kind] ?? PROVINCE_COMMUNE_NAMES[kind])
      : PROVINCE_COMMUNE_NAMES[kind];
  return `${base} ${unitFullName}`;
}

export function bodiesFor(unitId: string, unitKind: OrgUnitKind, unitFullName: string) {
  return BODIES_BY_UNIT_KIND[unitKind].map((kind) => ({
    orgUnitId: unitId,
    kind,
    name: bodyName(kind, unitKind, unitFullName),
  }));
}
