// Audit data samples (see index.ts): sign-in, accounts, units, system jobs, the holidays table and news.
import { ID, type SamplesOf } from "./shared";

export const SAMPLES_ADMIN = {
  "auth.login": {},
  "auth.logout": {},
  "auth.login_failed": { failures: 3 },
  "auth.locked": { minutes: 15 },
  "auth.password_changed": {},
  "org_unit.created": {
    parentId: ID,
    kind: "residential_area",
    name: "Khóm 3",
    code: "K3",
  },
  "org_unit.imported": { created: 12, communes: ["31942", "31945", null] },
  "org_unit.population_recorded": {
    population: 48210,
    asOf: "2024-12-31",
    source: "Niên giám thống kê 2024",
  },
  "account.created": {
    username: "mttq.phuong1",
    roles: [{ role: "commune_front", orgUnitId: ID, body: "front" }],
    isDemo: false,
  },
  "account.updated": {
    displayName: "Nguyễn Văn A",
    unlock: true,
    passwordReset: true,
  },
  "system.units_imported": { units: 13_431, lineage: 10_500, changes: 3 },
  "system.demo_seeded": { households: 40, commitments: 31 },
  "calendar.holiday_upserted": {
    date: "2026-04-27",
    kind: "day_off",
    name: "Giỗ Tổ Hùng Vương (nghỉ bù)",
    confidence: "official",
    source: "Thông báo của Bộ Nội vụ",
    before: { kind: "day_off", name: "Giỗ Tổ Hùng Vương", confidence: "projected" },
  },
  "calendar.holiday_deleted": { date: "2026-04-27", kind: "day_off", name: "Nhập nhầm", reason: "Sai ngày" },
  "news.created": {
    slug: "canh-bao-lua-dao",
    kind: "warning",
    title: "Cảnh báo lừa đảo",
    image: false,
  },
  "news.image_consent_withdrawn": { slug: "ngay-hoi-khom-4", title: "Ngày hội khóm 4" },
} satisfies SamplesOf<
  | `auth.${string}`
  | `org_unit.${string}`
  | `account.${string}`
  | `system.${string}`
  | `calendar.${string}`
  | `news.${string}`
>;
