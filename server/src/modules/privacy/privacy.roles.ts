import type { Role } from "@toandan/contracts";

/** Roles as the printed dossier names them (the web has its own, translated, labels). */
export const ROLE_LABELS_VI: Record<Role, string> = {
  system_admin: "Quản trị hệ thống",
  province_front: "Ủy ban MTTQ cấp tỉnh",
  province_police: "Công an cấp tỉnh",
  commune_front: "Ủy ban MTTQ cấp xã",
  commune_police: "Công an cấp xã",
  member_org_cadre: "Cán bộ tổ chức thành viên",
  residential_area_cadre: "Cán bộ khu dân cư",
  viewer: "Người xem",
  commune_case_officer: "Cán bộ quản lý hồ sơ cấp xã",
  data_protection_officer: "Cán bộ bảo vệ dữ liệu cá nhân",
};
