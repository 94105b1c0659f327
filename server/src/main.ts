import fs from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { ConfigError, loadConfig, type Config } from "./config";
import { describeDatabaseError, openDatabase, queryRows, type Database } from "./db/client";
import { checkDataFolderModes, StartupError } from "./db/data-folder";
import { verifyAuditChain } from "./kernel/audit-verify";
import { sealPendingAudit } from "./kernel/audit-sequencer";
import { ensureKeyFiles, KeyCheckError } from "./kernel/keys";
import { isOpsCommand, OPS_USAGE, runOpsCommand } from "./ops/cli";
import { startControlChannel } from "./ops/control";

/** True when this file is the program (`tsx server/src/main.ts …`), not a module a test imports. */
const isEntry = (() => {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return fs.realpathSync(argv1) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

// Everything this process writes — PGlite's data files, keys, uploads, exports, logs — is readable
// and writable by its owner only (folders 0700, files 0600), whatever the caller's umask.
if (isEntry) process.umask(0o077);

const USAGE = `Usage: toandan <command>
  start          migrate, import units if missing, seed demo data (not in production), serve HTTP
  migrate        apply SQL migrations
  import-units   import the official administrative units (once)
  seed-demo      create the demo residential area and demo accounts (refused in production)
  verify-audit   check the audit hash chain; names the first tampered row
  rebuild-rollups   recount the activity figures (rollups) from the records: after a bulk load
                 with the triggers off, or when a figure disagrees with its records
  create-admin <username>   create a system administrator; password from ADMIN_PASSWORD (≥ 10 characters, hard to guess)
  sql "<stmt>"   run one SQL statement and print the rows (operators; stop the server first on PGlite)
${OPS_USAGE}`;

// Progress for the operator on the console, in English like the other command output: a first
// start takes a minute or more on a small machine. The server's runtime logs stay structured (pino).
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString("en-US");
const detail = (message: string) => console.log(`  … ${message}`);

/**
 * The application and its modules, loaded once a command is past the checks that need none of
 * them (configuration, port, data folder, database connection): a refused start answers in about
 * a second instead of after loading the whole server (~2.6 s of CPU).
 */
async function server() {
  const app = await import("./app");
  return {
    ...app,
    ...(await import("./modules/demo")),
    ...(await import("./modules/accounts")),
    ...(await import("./modules/groups")),
    ...(await import("./modules/org-units")),
    ...(await import("./modules/system")),
  };
}

/**
 * Opens the database for `command`. "write" applies the migrations and ships the reference data,
 * then runs `work` (unit import, keys, demo seed), all under the database-wide start-up lock so
 * that processes started together do it once; "read" applies nothing and refuses a database that
 * lacks migrations; "raw" only opens. A PGlite folder is this process's until close (lock file).
 */
async function open(
  config: Config,
  command: string,
  mode: "write" | "read" | "raw" = "write",
  work?: (database: Database) => Promise<void>,
): Promise<Database> {
  const t0 = performance.now();
  checkDataFolderModes(config.dataDir);
  console.log(
    config.databaseUrl
      ? "Opening the PostgreSQL database…"
      : `Opening the embedded database in ${config.dataDir}…`,
  );
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    owner: { command, ...(command === "start" ? { host: config.host, port: config.port } : {}) },
  });
  try {
    if (mode === "read") {
      const pending = await database.pendingMigrations();
      if (pending.length > 0) {
        throw new StartupError(
          `The database lacks ${pending.length} migration(s) (first: ${pending[0]}); "${command}" changes nothing: apply them with npm run cli -- migrate, then retry.`,
        );
      }
    } else if (mode === "write") {
      detail(`opened in ${seconds(t0)}`);
      await database.exclusive(
        async () => {
          detail("applying the migrations");
          await database.migrate();
          // Reference data that ships with the code (idempotent).
          await (await server()).seedGroupTypes(database.db);
          await work?.(database);
        },
        () => detail("another process is preparing this database: waiting for it to finish"),
      );
    }
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
  console.log(`Database ready (${database.engine}) in ${seconds(t0)}.`);
  return database;
}

/** Refuses a port another process listens on, before any migration runs. */
async function checkPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          e.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use (EADDRINUSE): stop the process that listens there, or set PORT to a free port.`
            : `Cannot listen on ${host}:${port} (${e.code ?? e.message}); check HOST and PORT.`,
        ),
      ),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The key files must be the ones the database was sealed with (kernel/keys.ts). */
async function checkKeys(database: Database, config: Config): Promise<void> {
  for (const k of await ensureKeyFiles(database.db, config.masterKeyFile)) {
    if (k.status === "created") detail(`new key ${k.file} (this database holds nothing sealed yet)`);
    if (k.status === "recorded") detail(`recorded the fingerprint of ${k.file}`);
  }
}

async function importUnits(database: Database): Promise<void> {
  const { findRoot, importOfficialUnits } = await server();
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
  const { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } = await server();
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

/** Roster names written in clear before issue 19 are sealed once (groups' start-up upgrade). */
async function sealLegacyRows(database: Database, config: Config): Promise<void> {
  const { rosterCryptoFromKeyFile, sealLegacyRoster } = await server();
  const n = await sealLegacyRoster(database.db, rosterCryptoFromKeyFile(config.masterKeyFile));
  if (n > 0) {
    // The old row versions still hold the clear names: rewrite the table so its files do not.
    await database.db.execute(sql`vacuum full group_members`);
    detail(`sealed ${count(n)} roster names written in clear before sealing`);
  }
}

/**
 * Contact details on tips and feedback that have no blind index entry yet (written before the index
 * existed) are indexed at the first start after the upgrade (issue 19); the run is marked done in
 * `citizen_upgrades`, so later starts only read the mark. Every write path indexes its own contact.
 */
async function indexLegacyContacts(database: Database, config: Config): Promise<void> {
  const { contactIndexFromKeyFile } = await import("./modules/citizen");
  const { backfillTipContacts } = await import("./modules/tips");
  const { backfillFeedbackContacts } = await import("./modules/feedback");
  const { Envelope, loadOrCreateMasterKey } = await import("./kernel/envelope");
  const env = new Envelope(loadOrCreateMasterKey(config.masterKeyFile));
  const ci = contactIndexFromKeyFile(config.masterKeyFile);
  const n =
    (await backfillTipContacts(database.db, env, ci)) +
    (await backfillFeedbackContacts(database.db, env, ci));
  if (n > 0) detail(`indexed the contact details of ${count(n)} tips and feedback items`);
}

async function start(config: Config): Promise<void> {
  const t0 = performance.now();
  await checkPortFree(config.host, config.port);
  const database = await open(config, "start", "write", async (d) => {
    await importUnits(d);
    await checkKeys(d, config);
    if (config.isProduction) {
      const n = await (await server()).hasDemoAccounts(d.db);
      if (n > 0) {
        throw new Error(`Refusing to start in production: ${n} demo account(s) exist. Remove them first.`);
      }
    } else {
      await seed(d, config);
    }
    await sealLegacyRows(d, config);
    await indexLegacyContacts(d, config);
  });
  const { buildApp, markDraining } = await server();
  const app = await buildApp({ database, config });
  // On PGlite, `backup` asks this process for the snapshot through DATA_DIR/control.sock (ops/control.ts).
  const control = await startControlChannel({ dataDir: config.dataDir, pglite: database.pglite });
  // SIGTERM: /api/ready answers 503 (the balancer stops sending), the listener closes after
  // SHUTDOWN_DRAIN_SECONDS, in-flight requests finish (connections cut after SHUTDOWN_GRACE_SECONDS),
  // then the onClose hooks stop the audit sequencer and the job workers, and the database closes.
  const shutdown = async (signal: string) => {
    markDraining(app);
    console.log(`${signal}: draining; finishing the requests in flight…`);
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    const t1 = performance.now();
    // Keep-alive sockets that go idle once their request is answered are closed as they do.
    const reap = setInterval(() => app.server.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      console.error(`Requests still in flight after ${config.shutdownGraceMs / 1000} s: cutting them.`);
      app.server.closeAllConnections();
    }, config.shutdownGraceMs);
    await control.close();
    await app.close();
    clearInterval(reap);
    clearTimeout(cut);
    await database.close();
    console.log(`Stopped in ${seconds(t1)}.`);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
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
      const db = await open(config, "migrate");
      await db.close();
      console.log("Migrations applied.");
      return 0;
    }
    case "import-units": {
      const db = await open(config, "import-units", "write", importUnits);
      await db.close();
      return 0;
    }
    case "seed-demo": {
      const db = await open(config, "seed-demo", "write", async (d) => {
        await importUnits(d);
        await checkKeys(d, config);
        await seed(d, config);
      });
      await db.close();
      return 0;
    }
    case "verify-audit": {
      const db = await open(config, "verify-audit", "read");
      // Rows written while no server ran (import, seed, create-admin) are sealed first (decision 0012).
      const files = { keyFile: config.auditCheckpointKeyFile, checkpointFile: config.auditCheckpointFile };
      const r = await (async () => {
        const sealed = await sealPendingAudit(db.db, files);
        if (sealed > 0) console.log(`Sealed ${sealed} audit rows written while no server ran.`);
        return verifyAuditChain(db.db, files);
      })().finally(() => db.close());
      if (r.ok) {
        console.log(`Audit chain intact: ${r.checked} rows checked.`);
        return 0;
      }
      console.error(
        `Audit chain BROKEN${r.firstBadId === null ? "" : ` at row id ${r.firstBadId}`}: ${r.reason}${r.checked > 0 ? ` (${r.checked} rows before it are intact)` : ""}.`,
      );
      return 2;
    }
    case "rebuild-rollups": {
      const db = await open(config, "rebuild-rollups", "read");
      try {
        const t0 = performance.now();
        console.log("Recounting the activity rollups (writes of activities wait until it ends)…");
        const { rebuildActivityRollups } = await import("./modules/activities");
        const r = await rebuildActivityRollups(db.db);
        console.log(
          `Rollups rebuilt from ${count(r.activities)} activities in ${seconds(t0)}: ${count(r.rollupRows)} rollup rows; ${count(r.pendingDropped)} pending changes dropped (the recount covers them).`,
        );
      } finally {
        await db.close();
      }
      return 0;
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
      const db = await open(config, "create-admin", "write", importUnits);
      const { findRoot, createAccount } = await server();
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
      const db = await open(config, "sql", "raw");
      try {
        const rows = await queryRows(db.db, sql.raw(rest.join(" ")));
        console.log(JSON.stringify(rows, null, 2));
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      if (command && isOpsCommand(command)) return runOpsCommand(command, rest, config);
      console.error(USAGE);
      return command ? 1 : 0;
  }
}

/**
 * Runs one command as the program does and returns its exit code (-1: `start`, still serving); a
 * failure is one line on stderr and code 1. The tests call it in-process (cli.test.ts).
 */
export async function runCommand(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (err) {
    // One line for the operator: our own refusals as they are, a database error with PostgreSQL's
    // own message and constraint (not only drizzle's "Failed query: …").
    const known = err instanceof ConfigError || err instanceof StartupError || err instanceof KeyCheckError;
    const message = known
      ? err.message
      : (describeDatabaseError(err) ?? (err instanceof Error ? err.message : String(err)));
    console.error(message);
    return 1;
  }
}

if (isEntry) {
  void runCommand(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exit(code);
  });
}
