import { sql } from "drizzle-orm";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { openDatabase, queryRows, type Database } from "../server/src/db/client";
import { DEMO_PASSWORD, seedDemo } from "../server/src/modules/demo";
import { seedGroupTypes } from "../server/src/modules/groups";
import { importOfficialUnits } from "../server/src/modules/org-units";
import { generateAreas } from "./lib/areas";
import { createTarget, engineInfo } from "./lib/engine";
import { login, measureMix } from "./lib/http";
import { machineInfo, type BenchResult } from "./lib/results";
import { progress, timed } from "./lib/stats";

const AREAS = 100_000;
const SEARCH_ROUNDS = 36; // × 9 terms = 324 timed requests per account
const SUBTREE_ROUNDS = 100;
const CA_MAU = "96";

/** Accent-less queries as users type them. */
const TERMS: Record<string, string> = {
  "bac lieu": "bac lieu",
  "ca mau": "ca mau",
  "tan thanh": "tan thanh",
  "an xuyen": "an xuyen",
  hoa: "hoa",
  "khu dan cu so 17": "khu dan cu so 17",
  "code 31825": "31825",
  "rare: dat mui": "dat mui",
  "common: xa": "xa",
};

async function rowCounts(database: Database) {
  const units = await queryRows<{ kind: string; current: boolean; n: string | number }>(
    database.db,
    sql`select kind, (valid_to is null) as current, count(*) as n from org_units
        group by kind, valid_to is null order by kind, current`,
  );
  const [other] = await queryRows<{ bodies: string | number; lineage: string | number }>(
    database.db,
    sql`select (select count(*) from bodies) as bodies, (select count(*) from org_unit_lineage) as lineage`,
  );
  const byKind: Record<string, number> = {};
  for (const u of units) byKind[`${u.kind}${u.current ? "" : " (historic)"}`] = Number(u.n);
  return {
    orgUnits: units.reduce((s, u) => s + Number(u.n), 0),
    byKind,
    bodies: Number(other?.bodies ?? 0),
    lineage: Number(other?.lineage ?? 0),
  };
}

async function unitId(database: Database, kind: string, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from org_units where kind = ${kind} and code = ${code} and valid_to is null`,
  );
  if (!row) throw new Error(`unit ${kind} ${code} not found`);
  return row.id;
}

export async function runUnitSearch(): Promise<BenchResult> {
  const started = new Date();
  const t0 = performance.now();
  const target = await createTarget("unit_search");
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? "",
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
  });
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    progress(`unit-search (${target.engine}): migrate, import official units, seed demo…`);
    await database.migrate();
    const imported = await timed(() => importOfficialUnits(database));
    await seedGroupTypes(database.db); // as `start` does; the demo history needs them
    const seeded = await timed(() => seedDemo(database.db));
    progress(`unit-search: units imported in ${imported.ms} ms; generating ${AREAS} residential areas…`);
    const generated = await timed(() => generateAreas(database.db, AREAS));
    progress(`unit-search: ${generated.value} areas in ${generated.ms} ms; vacuum analyze…`);
    const vacuum = await timed(() => database.db.execute(sql`vacuum analyze`));
    const counts = await rowCounts(database);

    const app = await buildApp({ database, config, logger: false });
    await app.ready();
    try {
      const admin = await login(app, "admin", DEMO_PASSWORD);
      const commune = await login(app, "baclieu.mttq", DEMO_PASSWORD);
      const province = await login(app, "camau.mttq", DEMO_PASSWORD);
      const searchUrls = Object.fromEntries(
        Object.entries(TERMS).map(([k, q]) => [k, `/api/v1/org-units?q=${encodeURIComponent(q)}`]),
      );
      progress("unit-search: searching as admin…");
      const searchAdmin = await measureMix(app, admin, searchUrls, SEARCH_ROUNDS);
      progress("unit-search: searching as a commune account…");
      const searchCommune = await measureMix(app, commune, searchUrls, SEARCH_ROUNDS);

      const caMau = await unitId(database, "province", CA_MAU);
      const subtreeUrls = {
        [`within=Cà Mau, limit=500`]: `/api/v1/org-units?within=${caMau}&limit=500`,
        [`parentId=Cà Mau, limit=500`]: `/api/v1/org-units?parentId=${caMau}&limit=500`,
      };
      progress("unit-search: listing the Cà Mau subtree…");
      const subtreeAdmin = await measureMix(app, admin, subtreeUrls, SUBTREE_ROUNDS);
      const subtreeProvince = await measureMix(app, province, subtreeUrls, SUBTREE_ROUNDS);
      const info = await engineInfo(database);
      return {
        benchmark: "unit-search",
        engine: target.engine,
        variant: target.variant,
        engineVersion: info.version,
        engineSettings: info.settings,
        startedAt: started.toISOString(),
        durationMs: Math.round(performance.now() - t0),
        machine: machineInfo(),
        targets: { searchP95Ms: "<= 20", subtreeP95Ms: "<= 50" },
        figures: {
          load: {
            importOfficialUnitsMs: imported.ms,
            seedDemoMs: seeded.ms,
            generatedAreas: generated.value,
            generateAreasMs: generated.ms,
            areasPerSecond: Math.round(generated.value / (generated.ms / 1000)),
            vacuumAnalyzeMs: vacuum.ms,
            rows: counts,
          },
          method: "app.inject, sequential, one untimed warm-up request per case",
          search: { admin: searchAdmin, "commune account (baclieu.mttq)": searchCommune },
          subtree: { admin: subtreeAdmin, "province account (camau.mttq)": subtreeProvince },
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await target.cleanup();
  }
}
