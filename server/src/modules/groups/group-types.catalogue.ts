import { GRASSROOTS_SECURITY_TEAM, type GroupCategory } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { groupTypes } from "./groups.table";

type CatalogueEntry = {
  code: string;
  nameVi: string;
  nameEn: string;
  category: GroupCategory;
  source: string;
};

const SEED_000 = "Bạc Liêu Front, 19/03/2020 (seed 000)";
const SEED_001 = "Bình Thuận Front (seed 001)";
const SEED_004 = "Bạc Liêu city, five-year review of Directive 09, 29/05/2017 (seed 004)";

/**
 * Built-in types. Category rule:
 * - "team" — an organised force with assigned duties, rated on the four duty levels (Hoàn thành
 *   xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ). The law rates the grassroots security
 *   team (Law 30/2023/QH15, annual rating by Hướng dẫn 01/HD-BCA-V05). The hamlet security boards
 *   (its predecessor, merged into it on 01/07/2024) and the full-time crime-prevention teams at ward
 *   police (seed 004, "hoạt động theo chế độ chuyên trách") are forces with duties of the same kind,
 *   so they are rated the same way.
 * - "model" — a self-management model (mô hình tự quản) built by residents "tự phòng, tự quản, tự
 *   bảo vệ, tự hòa giải". No law rates them on duty levels; Hướng dẫn 22/HD-BCA-V05 only asks whether
 *   a model works, so they are "effective" or "on paper". Motorbike-taxi and rental-house groups are
 *   self-management groups (seed 004 calls them "tổ tự quản"), hence models.
 */
export const GROUP_TYPE_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: GRASSROOTS_SECURITY_TEAM,
    nameVi: "Tổ bảo vệ an ninh, trật tự ở cơ sở",
    nameEn: "Grassroots security and order team",
    category: "team",
    source: "Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở 30/2023/QH15, Art. 13–16; Hướng dẫn 01/HD-BCA-V05",
  },
  {
    code: "security_board",
    nameVi: "Ban bảo vệ an ninh trật tự ấp, khóm",
    nameEn: "Hamlet security board",
    category: "team",
    source: `${SEED_004}: 18 boards, 99 members; merged into the grassroots force by Law 30/2023/QH15`,
  },
  {
    code: "crime_prevention_team",
    nameVi: "Tổ phòng, chống tội phạm chuyên trách",
    nameEn: "Full-time crime-prevention team",
    category: "team",
    source: `${SEED_004}: 7 teams, 42 members, full-time at ward police`,
  },
  {
    code: "self_management_group",
    nameVi: "Tổ tự quản",
    nameEn: "Self-management group",
    category: "model",
    source: `${SEED_004}: 817 self-management and people's security groups, 1,157 members`,
  },
  {
    code: "people_security_group",
    nameVi: "Tổ nhân dân tự quản về an ninh, trật tự",
    nameEn: "People's security self-management group",
    category: "model",
    source: `${SEED_004} ("tổ an ninh nhân dân")`,
  },
  {
    code: "khmer_clan_group",
    nameVi: "Tổ tự quản dòng tộc về ANTT trong đồng bào Khmer",
    nameEn: "Khmer clan security self-management group",
    category: "model",
    source: SEED_000,
  },
  {
    code: "buddhist_group",
    nameVi: "Tổ tự quản về ANTT trong phật tử",
    nameEn: "Buddhist security self-management group",
    category: "model",
    source: SEED_000,
  },
  {
    code: "security_gate",
    nameVi: "Cổng an ninh trật tự",
    nameEn: "Security gate",
    category: "model",
    source: SEED_000,
  },
  {
    code: "security_camera",
    nameVi: "Camera an ninh",
    nameEn: "Security cameras",
    category: "model",
    source: SEED_001,
  },
  {
    code: "security_light",
    nameVi: "Đèn an ninh",
    nameEn: "Security lights",
    category: "model",
    source: SEED_001,
  },
  {
    code: "crime_drug_free_area",
    nameVi: "Khu dân cư phòng, chống tội phạm và ma túy",
    nameEn: "Residential area against crime and drugs",
    category: "model",
    source: `${SEED_001}: 40 pilot sites in 5 districts`,
  },
  {
    code: "law_abiding_area",
    nameVi: "Khu dân cư không vi phạm pháp luật",
    nameEn: "Law-abiding residential area",
    category: "model",
    source: SEED_001,
  },
  {
    code: "safe_area_model",
    nameVi: "Khu dân cư an toàn về an ninh trật tự",
    nameEn: "Residential area safe for security and order (model)",
    category: "model",
    source: `${SEED_001} (the model, not the Circular 124/2021 certification)`,
  },
  {
    code: "motorbike_taxi_group",
    nameVi: "Tổ tự quản bến xe ôm",
    nameEn: "Motorbike-taxi self-management group",
    category: "model",
    source: `${SEED_004} ("tổ tự quản bến xe honda"): 17 groups, 85 members`,
  },
  {
    code: "rental_house_group",
    nameVi: "Tổ tự quản nhà cho thuê",
    nameEn: "Rental-house self-management group",
    category: "model",
    source: `${SEED_004}: 405 groups, 405 members`,
  },
  {
    code: "crime_prevention_club",
    nameVi: "Câu lạc bộ phòng, chống tội phạm",
    nameEn: "Crime-prevention club",
    category: "model",
    source: "Issue 3 list (no seed article names it)",
  },
];

/** Inserts the built-in types; existing rows (and provinces' edits to them) are left as they are. */
export async function seedGroupTypes(db: Db): Promise<void> {
  await db
    .insert(groupTypes)
    .values(GROUP_TYPE_CATALOGUE.map((t) => ({ ...t, isBuiltIn: true })))
    .onConflictDoNothing({ target: groupTypes.code });
}
