import { foldVietnamese } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../server/src/db/client";
import { insertLocalUnits, type LocalUnitInput } from "../../server/src/modules/org-units";
import type { OrgUnitDbRow } from "../../server/src/modules/org-units";
import { prng as rng } from "../../server/src/kernel/prng";

export { rng };

const SOUTH_PLACES = [
  "Tân Hòa",
  "Tân Thành",
  "An Phú",
  "Bình An",
  "Phú Lợi",
  "Hòa Bình",
  "Thạnh Phú",
  "Vĩnh Lợi",
  "Long Điền",
  "Mỹ Thạnh",
  "Đông Hải",
  "Tân Lập",
  "Hưng Thịnh",
  "Phước Long",
  "Thới Bình",
  "Cái Nước",
  "Rạch Gốc",
  "Kinh Xáng",
  "Gành Hào",
  "Nhà Mát",
  "Hiệp Thành",
  "Xẻo Đước",
  "Cây Dương",
  "Bà Hính",
  "Giồng Me",
  "Vàm Đình",
  "Lung Lá",
  "Kinh Tư",
  "Chợ Cũ",
  "Bến Đò",
  "Mỹ Hòa",
  "Phú Tân",
  "Tân Hưng",
  "Vĩnh Mỹ",
  "Long Thạnh",
  "Bình Điền",
  "Rạch Sỏi",
];
const NORTH_PLACES = [
  "Đông",
  "Đoài",
  "Thượng",
  "Hạ",
  "Trung",
  "Đồng Tâm",
  "Quyết Thắng",
  "Thống Nhất",
  "Đoàn Kết",
  "Yên Lạc",
  "Phú Xuân",
  "Hưng Đạo",
  "Lạc Long",
  "Văn Miếu",
  "Cổ Loa",
  "Đình Bảng",
  "Thanh Xuân",
  "Nà Phặc",
  "Pác Bó",
  "Bản Giốc",
  "Khuổi Nặm",
  "Lũng Cú",
  "Nậm Cắn",
  "Phiêng Luông",
  "Mường Lò",
  "Hồng Phong",
  "Tiền Phong",
  "Cẩm Khê",
  "Đồng Quang",
  "Kim Sơn",
  "Vĩnh Ninh",
  "Hòa Lạc",
];
const HIGHLAND_PLACES = [
  "Ea Tu",
  "Ea Kao",
  "Kon Klor",
  "Plei Ốp",
  "Đăk Rơ Wa",
  "Ia Băng",
  "Krông Buk",
  "Cư Êbur",
  "Ako Dhông",
  "Tơng Jú",
  "Đăk Mar",
  "Kon Rẫy",
  "Ia Grai",
  "Buôn Ky",
  "Ea Nuôl",
  "M'Drắk",
];
const STREETS = [
  "Trần Phú",
  "Lê Lợi",
  "Nguyễn Trãi",
  "Bạch Đằng",
  "Hùng Vương",
  "Quang Trung",
  "Lý Thường Kiệt",
  "Hai Bà Trưng",
  "Phan Bội Châu",
  "Ngô Quyền",
  "Nguyễn Huệ",
  "Điện Biên Phủ",
  "Võ Thị Sáu",
];

type Region = "north" | "central" | "highland" | "south";
type Pattern = (n: number, pick: <T>(xs: T[]) => T) => [string, string];

/** Naming schemes by region and unit type; each returns [name, type]. */
const PATTERNS: Record<Region | "ward", Pattern[]> = {
  ward: [
    (n) => [`Khu phố ${n}`, "khu_pho"],
    (n) => [`Tổ dân phố ${n}`, "to_dan_pho"],
    (n) => [`Tổ dân phố số ${n}`, "to_dan_pho"],
    (n) => [`Khu dân cư số ${n}`, "khu_dan_cu"],
    (n, pick) => [`Khu phố ${pick(STREETS)} ${n}`, "khu_pho"],
  ],
  south: [
    (_n, pick) => [`Ấp ${pick(SOUTH_PLACES)}`, "ap"],
    (n, pick) => [`Ấp ${pick(SOUTH_PLACES)} ${n}`, "ap"],
    (n) => [`Khóm ${n}`, "khom"],
    (n) => [`Ấp ${n}`, "ap"],
  ],
  north: [
    (_n, pick) => [`Thôn ${pick(NORTH_PLACES)}`, "thon"],
    (n) => [`Thôn ${n}`, "thon"],
    (_n, pick) => [`Xóm ${pick(NORTH_PLACES)}`, "xom"],
    (_n, pick) => [`Bản ${pick(NORTH_PLACES)}`, "ban"],
    (n) => [`Khu dân cư số ${n}`, "khu_dan_cu"],
  ],
  central: [
    (_n, pick) => [`Thôn ${pick(NORTH_PLACES)}`, "thon"],
    (n, pick) => [`Thôn ${pick(SOUTH_PLACES)} ${n}`, "thon"],
    (n) => [`Tổ dân phố ${n}`, "to_dan_pho"],
    (n) => [`Khu dân cư số ${n}`, "khu_dan_cu"],
  ],
  highland: [
    (_n, pick) => [`Buôn ${pick(HIGHLAND_PLACES)}`, "buon"],
    (n, pick) => [`Buôn ${pick(HIGHLAND_PLACES)} ${n}`, "buon"],
    (_n, pick) => [`Thôn ${pick(NORTH_PLACES)}`, "thon"],
    (_n, pick) => [`Làng ${pick(HIGHLAND_PLACES)}`, "lang"],
  ],
};

/** Region from the current province code (north ≤ 37, highlands 62–68, south ≥ 70). */
function regionOf(provinceCode: number): Region {
  if (provinceCode <= 37) return "north";
  if (provinceCode >= 62 && provinceCode <= 68) return "highland";
  if (provinceCode >= 70) return "south";
  return "central";
}

/** `count` distinct residential-area names for one commune, avoiding those in `taken`. */
export function areaNames(
  count: number,
  scheme: Pattern[],
  taken: Set<string>,
  rand: () => number,
): LocalUnitInput[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: LocalUnitInput[] = [];
  for (let n = 1; out.length < count; n++) {
    let [name, type] = pick(scheme)(n, pick);
    for (let tries = 0; tries < 3 && taken.has(foldVietnamese(name)); tries++) {
      [name, type] = pick(scheme)(n, pick);
    }
    if (taken.has(foldVietnamese(name))) [name, type] = [`Khu dân cư số ${n}`, "khu_dan_cu"];
    if (taken.has(foldVietnamese(name))) continue;
    taken.add(foldVietnamese(name));
    out.push({ kind: "residential_area", name, type });
  }
  return out;
}

type Commune = OrgUnitDbRow & { provinceCode: string };

/** Spreads `total` over the communes with uneven weights; the sum is exactly `total`. */
function spread(total: number, n: number, rand: () => number): number[] {
  const w = Array.from({ length: n }, () => 0.3 + rand() * 1.4);
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => Math.floor((total * x) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]! += 1;
  return counts;
}

/**
 * Inserts `total` residential areas (with their bodies) under today's communes through the
 * server's `insertLocalUnits`, `batch` units per transaction.
 */
export async function generateAreas(db: Db, total: number, batch = 2000, seed = 2025): Promise<number> {
  const rand = rng(seed);
  const communes = await queryRows<Commune>(
    db,
    sql`select u.id, u.code, u.kind, u.type, u.name, u.full_name as "fullName", u.parent_id as "parentId",
          u.province_id as "provinceId", u.path, u.depth, u.valid_from::text as "validFrom",
          u.valid_to::text as "validTo", u.is_official as "isOfficial", 0 as "childCount",
          p.code as "provinceCode"
        from org_units u join org_units p on p.id = u.province_id
        where u.kind = 'commune' and u.is_official and u.valid_to is null order by u.code`,
  );
  const existing = await queryRows<{ parentId: string; searchName: string }>(
    db,
    sql`select parent_id as "parentId", search_name as "searchName" from org_units where not is_official`,
  );
  const counts = spread(total, communes.length, rand);
  let pending: { parent: OrgUnitDbRow; input: LocalUnitInput }[] = [];
  let inserted = 0;
  const flush = async () => {
    const items = pending;
    pending = [];
    await db.transaction(async (tx) => {
      await insertLocalUnits(tx, items);
    });
    inserted += items.length;
  };
  for (const [i, commune] of communes.entries()) {
    const taken = new Set(existing.filter((e) => e.parentId === commune.id).map((e) => e.searchName));
    const scheme = PATTERNS[commune.type === "phuong" ? "ward" : regionOf(Number(commune.provinceCode))];
    for (const input of areaNames(counts[i]!, scheme, taken, rand)) {
      pending.push({ parent: commune, input });
      if (pending.length >= batch) await flush();
    }
  }
  if (pending.length) await flush();
  return inserted;
}
