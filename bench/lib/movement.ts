import os from "node:os";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../server/src/app";
import { loadConfig, type Config } from "../../server/src/config";
import { openDatabase, queryRows, type Database } from "../../server/src/db/client";
import { sealPendingAudit } from "../../server/src/kernel/audit-sequencer";
import { seedDemo } from "../../server/src/modules/demo";
import { seedGroupTypes } from "../../server/src/modules/groups";
import { importOfficialUnits } from "../../server/src/modules/org-units";
import { createTarget, engineInfo, type BenchTarget } from "./engine";
import { machineInfo, type BenchResult } from "./results";
import { progress, timed } from "./stats";

/** An engine with the official units and the demo seed (accounts, Khóm 1, demo history) loaded. */
export type Seeded = {
  target: BenchTarget;
  config: Config;
  database: Database;
  app: FastifyInstance;
  setup: { importOfficialUnitsMs: number; seedDemoMs: number };
};

/**
 * Opens a fresh target, migrates, imports the official units, seeds the demo, builds the app
 * (not listening), runs `fn`, and always closes and cleans up.
 */
export async function withSeeded<T>(
  label: string,
  fn: (s: Seeded) => Promise<T>,
  options: { beforeReady?: (app: FastifyInstance, database: Database) => Promise<void> } = {},
): Promise<T> {
  const target = await createTarget(label);
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? "",
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
  });
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    progress(`${label} (${target.engine}): migrate, import official units, seed demo…`);
    await database.migrate();
    const imported = await timed(() => importOfficialUnits(database));
    await seedGroupTypes(database.db); // as `start` does; the demo history needs them
    const seeded = await timed(() => seedDemo(database.db));
    // The import's and the seed's audit rows are sealed now, as `start` would find them after its
    // own seed: on PGlite (one thread) a backlog sealed while the app loads its plugins can overrun
    // Fastify's plugin timeout on a busy machine.
    await sealPendingAudit(database.db, {
      keyFile: config.auditCheckpointKeyFile,
      checkpointFile: config.auditCheckpointFile,
    });
    const app = await buildApp({ database, config, logger: false });
    await options.beforeReady?.(app, database);
    await app.ready();
    try {
      const setup = { importOfficialUnitsMs: imported.ms, seedDemoMs: seeded.ms };
      return await fn({ target, config, database, app, setup });
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await target.cleanup();
  }
}

/** The current unit of `kind` with official `code`. */
export async function unitByCode(database: Database, kind: string, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from org_units where kind = ${kind} and code = ${code} and valid_to is null`,
  );
  if (!row) throw new Error(`unit ${kind} ${code} not found`);
  return row.id;
}

/** The common envelope of a result. */
export async function resultOf(
  name: string,
  s: Seeded,
  started: Date,
  t0: number,
  targets: Record<string, string>,
  figures: unknown,
): Promise<BenchResult> {
  const info = await engineInfo(s.database);
  return {
    benchmark: name,
    engine: s.target.engine,
    variant: s.target.variant,
    engineVersion: info.version,
    engineSettings: info.settings,
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    machine: machineInfo(),
    targets,
    figures: { ...(figures as object), setup: s.setup, loadAverageAtEnd: loadAverage() },
  };
}

/** 1/5/15-minute load averages: other work on this shared machine shows up here. */
export function loadAverage(): number[] {
  return os.loadavg().map((v) => Math.round(v * 100) / 100);
}
