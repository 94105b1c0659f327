import { sql } from "drizzle-orm";
import { buildApp } from "./app";
import { ConfigError, loadConfig, type Config } from "./config";
import { openDatabase, queryRows, type Database } from "./db/client";
import { verifyAuditChain } from "./kernel/audit";
import { sealPendingAudit } from "./kernel/audit-sequencer";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoAccounts, seedDemo } from "./modules/demo";
import { createAccount } from "./modules/accounts";
import { seedGroupTypes } from "./modules/groups";
import { findRoot, importOfficialUnits } from "./modules/org-units";

const USAGE = `Usage: toandan <command>
  start          migrate, import units if missing, seed demo data (not in production), serve HTTP
  migrate        apply SQL migrations
  import-units   import the official administrative units (once)
  seed-demo      create the demo residential area and demo accounts (refused in production)
  verify-audit   check the audit hash chain; names the first tampered row
  create-admin <username>   create a system administrator; password from ADMIN_PASSWORD (≥ 10 characters, hard to guess)
  sql "<stmt>"   run one SQL statement and print the rows (operators; stop the server first on PGlite)`;

// Progress for the operator on the console, in English like the other command output: a first
// start takes a minute or more on a small machine. The server's runtime logs stay structured (pino).
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString("en-US");
const detail = (message: string) => console.log(`  … ${message}`);

async function open(config: Config): Promise<Database> {
  const t0 = performance.now();
  console.log(
    config.databaseUrl
      ? "Opening the PostgreSQL database and applying migrations…"
      : `Opening the embedded database in ${config.dataDir} and applying migrations…`,
  );
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  detail(`opened in ${seconds(t0)}; applying the migrations`);
  await database.migrate();
  // Reference data that ships with the code (idempotent).
  await seedGroupTypes(database.db);
  console.log(`Database ready (${database.engine}) in ${seconds(t0)}.`);
  return database;
}

async function importUnits(database: Database): Promise<void> {
  const t0 = performance.now();
  if (await findRoot(database.db)) {
    console.log("Units already imported.");
    return;
  }
  console.log("First start: importing the official administrative units (once; tens of seconds)…");
  const summary = await importOfficialUnits(database, undefined, { onProgress: detail });
  if (summary) {
    if (database.engine === "pglite") {
      detail("analysing the tables");
      await database.db.execute(sql`vacuum analyze`);
    }
    console.log(
      `Imported the units in ${seconds(t0)}: ${summary.provincesCurrent} provinces and ${count(summary.communesCurrent)} communes today; ` +
        `${summary.provincesPrereform} provinces, ${count(summary.districtsPrereform)} districts and ${count(summary.communesPrereform)} communes before the 2025 reform ` +
        `(+${summary.communesDissolved} dissolved on 2025-03-01); ${count(summary.lineage)} lineage links; ${count(summary.bodies)} bodies.`,
    );
  }
}

async function seed(database: Database, config: Config): Promise<void> {
  if (config.isProduction) throw new Error("Demo data is refused when NODE_ENV=production.");
  const t0 = performance.now();
  let announced = false;
  const onStep = (message: string) => {
    if (!announced) console.log("First start: creating the demo data (once)…");
    announced = true;
    detail(message);
  };
  if (await seedDemo(database.db, { masterKeyFile: config.masterKeyFile, onStep })) {
    console.log(
      `Demo data created in ${seconds(t0)}. Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(", ")}`,
    );
  }
}

async function start(config: Config): Promise<void> {
  const t0 = performance.now();
  const database = await open(config);
  await importUnits(database);
  if (config.isProduction) {
    const n = await hasDemoAccounts(database.db);
    if (n > 0) {
      await database.close();
      throw new Error(`Refusing to start in production: ${n} demo account(s) exist. Remove them first.`);
    }
  } else {
    await seed(database, config);
  }
  const app = await buildApp({ database, config });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Toàn Dân is listening on http://${config.host}:${config.port} (${database.engine}, ready in ${Math.round(performance.now() - t0)} ms)`,
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command ?? "") {
    case "start":
      await start(config);
      return -1;
    case "migrate": {
      const db = await open(config);
      await db.close();
      console.log("Migrations applied.");
      return 0;
    }
    case "import-units": {
      const db = await open(config);
      await importUnits(db);
      await db.close();
      return 0;
    }
    case "seed-demo": {
      const db = await open(config);
      await importUnits(db);
      await seed(db, config);
      await db.close();
      return 0;
    }
    case "verify-audit": {
      const db = await open(config);
      // Rows written while no server ran (import, seed, create-admin) are sealed first (decision 0012).
      const files = { keyFile: config.auditCheckpointKeyFile, checkpointFile: config.auditCheckpointFile };
      const sealed = await sealPendingAudit(db.db, files);
      if (sealed > 0) console.log(`Sealed ${sealed} audit rows written while no server ran.`);
      const r = await verifyAuditChain(db.db, files);
      await db.close();
      if (r.ok) {
        console.log(`Audit chain intact: ${r.checked} rows checked.`);
        return 0;
      }
      console.error(
        `Audit chain BROKEN${r.firstBadId === null ? "" : ` at row id ${r.firstBadId}`}: ${r.reason} (${r.checked} rows before it are intact).`,
      );
      return 2;
    }
    case "create-admin": {
      const username = rest[0];
      const password = process.env.ADMIN_PASSWORD ?? "";
      if (!username) {
        console.error("Usage: ADMIN_PASSWORD=<a hard-to-guess password> toandan create-admin <username>");
        return 1;
      }
      // The one password policy (contracts/password-policy.ts), checked before the database opens.
      const { checkNewPassword } = await import("@toandan/contracts");
      const verdict = await checkNewPassword(password, { username, displayName: "Quản trị hệ thống" });
      if (!verdict.ok) {
        console.error(`ADMIN_PASSWORD refused: ${verdict.message}`);
        return 1;
      }
      const db = await open(config);
      await importUnits(db);
      const root = await findRoot(db.db);
      await createAccount(db.db, null, {
        username,
        displayName: "Quản trị hệ thống",
        password,
        roles: [{ role: "system_admin", orgUnitId: root!.id, body: "front" }],
      });
      await db.close();
      console.log(`Administrator ${username} created.`);
      return 0;
    }
    case "sql": {
      const db = await open(config);
      const rows = await queryRows(db.db, sql.raw(rest.join(" ")));
      console.log(JSON.stringify(rows, null, 2));
      await db.close();
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 1 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
