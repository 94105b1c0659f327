/**
 * What a database holds, in a few figures a backup carries in its header and a restore checks
 * again on the restored copy: the migration level, the row count of every table, the audit head.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";

/** Runs one SQL text without parameters and returns its rows (drizzle, a PGlite transaction, pg). */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

export type DatabaseManifest = {
  engine: "pglite" | "postgres";
  /** Migrations applied: how many, and the `when` of the last one (drizzle's journal). */
  migrations: { count: number; last: number | null };
  /** Rows of every (logged) table of the application's schema, by name. */
  tables: Record<string, number>;
  /** The last sealed audit row (id and hash): the restored chain must end on it. */
  auditHead: { id: number; hash: string } | null;
  serverVersion: string;
};

/** The tables whose counts a restore prints. */
export const MAIN_TABLES = ["accounts", "activities", "households", "tips", "feedback", "audit_log"] as const;

export function drizzleRunner(db: Db): RunSql {
  return (text) => queryRows<Record<string, unknown>>(db, sql.raw(text));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function collectManifest(
  run: RunSql,
  engine: DatabaseManifest["engine"],
): Promise<DatabaseManifest> {
  const [version] = await run("show server_version");
  const migrationTable = await run(
    `select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  let migrations: DatabaseManifest["migrations"] = { count: 0, last: null };
  if (migrationTable.length > 0) {
    const [m] = await run(
      `select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    migrations = {
      count: Number(m?.n ?? 0),
      last: m?.last === null || m?.last === undefined ? null : Number(m.last),
    };
  }
  // Unlogged tables (rate-limit counters, hourly salts) are emptied by any crash recovery and kept
  // out of backups: they are not counted.
  const names = (
    await run(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relpersistence = 'p' order by c.relname`,
    )
  ).map((r) => String(r.name));
  const tables: Record<string, number> = {};
  if (names.length > 0) {
    const rows = await run(
      names
        .map((n) => `select '${n.replaceAll("'", "''")}' as name, count(*)::int as n from ${ident(n)}`)
        .join(" union all "),
    );
    for (const r of rows) tables[String(r.name)] = Number(r.n);
  }
  let auditHead: DatabaseManifest["auditHead"] = null;
  if (names.includes("audit_log")) {
    // The chain's head is its last sealed row (rows wait unsealed for the sequencer a moment).
    const sealed = await run(
      `select 1 from information_schema.columns where table_schema = 'public' and table_name = 'audit_log' and column_name = 'seq'`,
    );
    const [h] = await run(
      sealed.length > 0
        ? `select a.id::text as head_id, a.hash from audit_log a where a.seq is not null order by a.seq desc limit 1`
        : `select a.id::text as head_id, a.hash from audit_log a order by a.id desc limit 1`,
    );
    if (h) auditHead = { id: Number(h.head_id), hash: String(h.hash) };
  }
  return {
    engine,
    migrations,
    tables,
    auditHead,
    serverVersion: typeof version?.server_version === "string" ? version.server_version : "",
  };
}

/** The migrations this code knows (drizzle's journal): their number and the last one's `when`. */
export function codeMigrationLevel(): { count: number; last: number } {
  const journal = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "../db/migrations/meta/_journal.json",
  );
  const entries = (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: { when: number }[] }).entries;
  return { count: entries.length, last: Math.max(...entries.map((e) => e.when)) };
}

/** Why this code cannot take a backup of that level, or null when it can. */
export function migrationIncompatibility(backup: DatabaseManifest["migrations"]): string | null {
  const code = codeMigrationLevel();
  if (backup.count === 0) return "the backup holds no migrated database";
  if (backup.count > code.count || (backup.last ?? 0) > code.last) {
    return (
      `the backup was made by a newer version (${backup.count} migrations; this code knows ${code.count}). ` +
      "Restore it with the version that made it, or update this installation first"
    );
  }
  return null;
}

/** Differences between what the backup recorded and what the restored copy holds (empty when equal). */
export function compareManifests(expected: DatabaseManifest, actual: DatabaseManifest): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const a = expected.tables[name];
    const b = actual.tables[name];
    if (a !== b) out.push(`table ${name}: ${a ?? "absent"} rows in the backup, ${b ?? "absent"} restored`);
  }
  if (expected.migrations.count !== actual.migrations.count) {
    out.push(`migrations: ${expected.migrations.count} in the backup, ${actual.migrations.count} restored`);
  }
  const ha = expected.auditHead;
  const hb = actual.auditHead;
  if (ha?.id !== hb?.id || ha?.hash !== hb?.hash) {
    out.push(`audit head: ${ha ? `#${ha.id}` : "none"} in the backup, ${hb ? `#${hb.id}` : "none"} restored`);
  }
  return out;
}

/** A few lines for the operator: the main tables' rows, the total, the audit head. */
export function describeManifest(m: DatabaseManifest): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const total = Object.values(m.tables).reduce((a, b) => a + b, 0);
  const main = MAIN_TABLES.filter((t) => t in m.tables)
    .map((t) => `${t} ${count(m.tables[t] ?? 0)}`)
    .join(", ");
  return [
    `  ${Object.keys(m.tables).length} tables, ${count(total)} rows (${main})`,
    `  migration level ${m.migrations.count}; audit head ${m.auditHead ? `#${m.auditHead.id} ${m.auditHead.hash.slice(0, 12)}…` : "none"}`,
  ].join("\n");
}
