/**
 * PostgreSQL backups through Debian's postgresql-client tools: `pg_dump -Fc` of an exported
 * snapshot (the manifest's counts are read in the same snapshot), `pg_restore` into an empty
 * database. The password is passed in PGPASSWORD, never on a command line others can read.
 */
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { writeHashed } from "./backup-file";
import { collectManifest, type DatabaseManifest } from "./manifest";

export class PgToolError extends Error {}

/** The URL without its password, and an environment carrying the password. */
function connection(url: string): { target: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { target: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(
  bin: "pg_dump" | "pg_restore",
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdin?: Readable; stdout?: (out: Readable) => Promise<unknown> },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env,
      stdio: [io.stdin ? "pipe" : "ignore", io.stdout ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      if (stderr.length < 8000) stderr += c.toString("utf8");
    });
    const streams: Promise<unknown>[] = [];
    if (io.stdin && child.stdin) streams.push(pipeline(io.stdin, child.stdin).catch(() => undefined));
    if (io.stdout && child.stdout) streams.push(io.stdout(child.stdout));
    child.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "ENOENT"
          ? new PgToolError(
              `${bin} was not found: install Debian's PostgreSQL client tools (apt-get install postgresql-client), ` +
                "of the server's major version or newer.",
            )
          : err,
      );
    });
    child.once("close", (code) => {
      Promise.all(streams).then(() => {
        if (code === 0) resolve();
        else reject(new PgToolError(`${bin} failed (exit ${code}): ${stderr.trim() || "no message"}`));
      }, reject);
    });
  });
}

/** Dumps the database into `payloadFile`; the manifest is read in pg_dump's own snapshot. */
export async function dumpPostgres(
  url: string,
  payloadFile: string,
): Promise<{ manifest: DatabaseManifest; bytes: number; sha256: string }> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot");
    const manifest = await collectManifest(
      async (text) => (await client.query<Record<string, unknown>>(text)).rows,
      "postgres",
    );
    const { target, env } = connection(url);
    let written: { bytes: number; sha256: string } | undefined;
    await run(
      "pg_dump",
      ["-Fc", "--no-unlogged-table-data", `--snapshot=${rows[0]!.snapshot}`, "-d", target],
      env,
      {
        stdout: async (out) => {
          written = await writeHashed(out, payloadFile);
        },
      },
    );
    await client.query("commit");
    return { manifest, ...written! };
  } finally {
    await client.end();
  }
}

/** Tables in the database outside PostgreSQL's own schemas. */
export async function userTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Restores a `pg_dump -Fc` stream in one transaction; `clean` drops what exists first. */
export async function restorePostgres(
  url: string,
  payload: Readable,
  opts: { clean: boolean },
): Promise<void> {
  const { target, env } = connection(url);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"];
  if (opts.clean) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, "-d", target], env, { stdin: payload });
}
