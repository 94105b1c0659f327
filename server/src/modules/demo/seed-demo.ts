import { todayInVietnam } from "@toandan/contracts";
import type { BodyKind, Role } from "@toandan/contracts";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { accounts } from "../accounts/accounts.table";
import { createAccount } from "../accounts";
import { insertLocalUnits } from "../org-units";
import { findRoot } from "../org-units";
import { loadUnit } from "../org-units";
import { orgUnits } from "../org-units/org-units.table";
import type { Actor } from "../../kernel/authz";
import { seedDemoPlan279 } from "../plans";
import { seedDemoHistory, seedDemoThisYear } from "./seed-history";
import { seedDemoHistoryPlans, seedNationalBodies } from "./seed-history-plans";
import { seedDemoHistoryTips } from "./seed-history-tips";
import { seedDemoHouseholds } from "./seed-households";
import { seedCertificationDemo } from "../certification";
import { seedDemoCases } from "../cases";
import { seedDemoCommittees } from "../committees";
import { ephemeralRosterCrypto, rosterCryptoFromKeyFile } from "../groups";
import { seedDemoCitizen } from "./seed-citizen";
import { seedDemoSafeFamilies } from "./seed-safe-families";
import { seedDemoFestivals } from "./seed-festivals";
import { seedDemoPilots } from "./seed-pilots";
import { seedDemoMedia } from "./seed-media";
import { seedDemoSupervisionTraining } from "./seed-supervision-training";
import { seedDemoPopulations } from "./seed-populations";

export const DEMO_PASSWORD = "demo12345";

/** Codes of the demo units (official codes, from the imported list). */
const CA_MAU = "96";
const BAC_LIEU_WARD = "31825"; // Phường Bạc Liêu: holds the core of the former Bạc Liêu city
const AN_XUYEN_WARD = "32002"; // Phường An Xuyên, another commune of Cà Mau
const DEMO_AREA = "Khóm 1";

type DemoAccount = { username: string; displayName: string; role: Role; unit: string; body: BodyKind };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", displayName: "Quản trị hệ thống", role: "system_admin", unit: "root", body: "front" },
  {
    username: "camau.mttq",
    displayName: "Ủy ban MTTQ tỉnh Cà Mau",
    role: "province_front",
    unit: CA_MAU,
    body: "front",
  },
  {
    username: "camau.congan",
    displayName: "Công an tỉnh Cà Mau",
    role: "province_police",
    unit: CA_MAU,
    body: "police",
  },
  {
    username: "baclieu.mttq",
    displayName: "Ủy ban MTTQ phường Bạc Liêu",
    role: "commune_front",
    unit: BAC_LIEU_WARD,
    body: "front",
  },
  {
    username: "baclieu.congan",
    displayName: "Công an phường Bạc Liêu",
    role: "commune_police",
    unit: BAC_LIEU_WARD,
    body: "police",
  },
  {
    username: "baclieu.phunu",
    displayName: "Hội LHPN phường Bạc Liêu",
    role: "member_org_cadre",
    unit: BAC_LIEU_WARD,
    body: "women",
  },
  {
    username: "khom1.baclieu",
    displayName: "Ban công tác Mặt trận Khóm 1",
    role: "residential_area_cadre",
    unit: "area",
    body: "front",
  },
  {
    username: "baclieu.hoso",
    displayName: "Cán bộ quản lý hồ sơ phường Bạc Liêu",
    role: "commune_case_officer",
    unit: BAC_LIEU_WARD,
    body: "police",
  },
  {
    username: "camau.dlcn",
    displayName: "Cán bộ bảo vệ dữ liệu cá nhân, Công an tỉnh Cà Mau",
    role: "data_protection_officer",
    unit: CA_MAU,
    body: "police",
  },
  {
    username: "anxuyen.mttq",
    displayName: "Ủy ban MTTQ phường An Xuyên",
    role: "commune_front",
    unit: AN_XUYEN_WARD,
    body: "front",
  },
];

async function currentUnitId(db: Db, kind: string, code: string): Promise<string> {
  const [u] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, kind), eq(orgUnits.code, code), isNull(orgUnits.validTo)));
  if (!u) throw new Error(`demo: unit ${kind} ${code} not found; import the units first`);
  return u.id;
}

export async function hasDemoAccounts(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .where(eq(accounts.isDemo, true));
  return row?.n ?? 0;
}

/**
 * Creates the demo residential area and accounts (once). Returns false when already seeded.
 * `onStep` receives a line per step for the operator's console.
 */
export async function seedDemo(
  db: Db,
  opts: { masterKeyFile?: string; onStep?: (message: string) => void } = {},
): Promise<boolean> {
  if ((await hasDemoAccounts(db)) > 0) return false;
  const step = opts.onStep ?? (() => {});
  const root = await findRoot(db);
  if (!root) throw new Error("demo: import the units first");
  const ward = await currentUnitId(db, "commune", BAC_LIEU_WARD);
  const units: Record<string, string> = {
    root: root.id,
    [CA_MAU]: await currentUnitId(db, "province", CA_MAU),
    [BAC_LIEU_WARD]: ward,
    [AN_XUYEN_WARD]: await currentUnitId(db, "commune", AN_XUYEN_WARD),
  };
  const system: Actor = {
    accountId: "00000000-0000-0000-0000-000000000000",
    username: "system",
    displayName: "system",
    locale: "vi",
    roles: [
      {
        role: "system_admin",
        orgUnitId: root.id,
        orgUnitName: root.fullName,
        orgUnitKind: "country",
        orgUnitPath: root.path,
        body: "front",
      },
    ],
    permissions: new Set(),
    sessionTokenHash: "",
    csrfToken: "",
  };
  const parent = await loadUnit(db, { ...system, permissions: new Set(["org_unit.read"]) }, ward);
  const [areaId] = await db.transaction(async (tx) => {
    const ids = await insertLocalUnits(tx, [
      { parent, input: { kind: "residential_area", name: DEMO_AREA, type: "khom" } },
    ]);
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "org_unit",
      entityId: ids[0]!,
      orgUnitId: ids[0]!,
      data: { name: DEMO_AREA, parentCode: BAC_LIEU_WARD },
    });
    return ids;
  });
  units.area = areaId!;
  step(`residential area ${DEMO_AREA} and ${DEMO_ACCOUNTS.length} demo accounts`);
  for (const a of DEMO_ACCOUNTS) {
    await createAccount(
      db,
      null,
      {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        roles: [{ role: a.role, orgUnitId: units[a.unit]!, body: a.body }],
      },
      { isDemo: true },
    );
  }
  // The demo plan is recorded as the Cà Mau Front account would record it.
  const [front] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, "camau.mttq"));
  // Plan 279/KH-MTTQ-BCA is the national plan of the Front's Central Committee and the Ministry.
  step("joint plan 279/KH-MTTQ-BCA of the Front's Central Committee and the Ministry of Public Security");
  await seedDemoPlan279(db, { ...system, accountId: front!.id }, await seedNationalBodies(db));
  step("steering committees of Phường Bạc Liêu and Cà Mau");
  await seedDemoCommittees(
    db,
    { ...system, accountId: front!.id },
    { wardId: ward, provinceId: units[CA_MAU]! },
  );
  step("populations of Cà Mau's communes (demo values, for tips per 10,000 people)");
  await seedDemoPopulations(db, units[CA_MAU]!, front!.id);
  step("2013–2017 records of the former Bạc Liêu city, and this year's activities");
  await seedDemoHistory(
    db,
    opts.masterKeyFile ? rosterCryptoFromKeyFile(opts.masterKeyFile) : ephemeralRosterCrypto(),
  );
  await seedDemoPilots(db);
  await seedDemoMedia(db);
  step("directives, programmes and plans 09-CT/TW, 20-CTr/TU, Đề án 01-138, 156/KH-MTTQ, 165–168");
  await seedDemoHistoryPlans(db);
  await seedDemoFestivals(db);
  await seedDemoThisYear(db, [ward, areaId!], todayInVietnam());
  await seedDemoSupervisionTraining(db, ward, todayInVietnam());
  const year = Number(todayInVietnam().slice(0, 4));
  step(`households and their ${year} commitments`);
  await seedDemoHouseholds(
    db,
    { id: areaId!, provinceId: parent.provinceId, rollupPath: `${parent.path}${areaId!}/` },
    year,
  );
  await seedDemoSafeFamilies(db, areaId!, year);
  step(`certification cycle ${year}`);
  await seedCertificationDemo(
    db,
    { areaId: areaId!, wardId: ward, otherWardId: units[AN_XUYEN_WARD]! },
    year,
  );
  if (opts.masterKeyFile) {
    step("reintegration case files (encrypted)");
    const area = { id: areaId!, provinceId: parent.provinceId, path: `${parent.path}${areaId!}/` };
    await seedDemoCases(
      db,
      opts.masterKeyFile,
      { id: ward, path: parent.path, provinceId: parent.provinceId },
      area,
    );
  }
  if (opts.masterKeyFile) {
    step("2018–2020 tips passed on by the Front in the former Bình Thuận, with their outcomes");
    await seedDemoHistoryTips(db, opts.masterKeyFile);
  }
  step("news, warnings, citizen tips and feedback");
  await seedDemoCitizen(db, opts.masterKeyFile);
  return true;
}
