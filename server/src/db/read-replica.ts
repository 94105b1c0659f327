// The optional second handle: a PostgreSQL streaming replica (DATABASE_READ_URL) that the heavy
// read-only routes (dashboard, indicator queries, lists) read from, and how far behind it is.
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "./client";
import { StartupError } from "./data-folder";
import * as schema from "./schema";

/** How far the replica is behind the primary, measured at `measuredAt`. */
export type ReplicaLag = {
  /** Seconds between now and the last transaction the replica replayed; 0 when it has replayed all the primary had written. */
  seconds: number;
  /** WAL bytes the replica has still to replay (primary's current LSN − the replica's replay LSN). */
  bytes: number;
  measuredAt: number;
};

export type ReadReplica = {
  db: Db;
  pool: pg.Pool;
  /** The lag, measured at most `maxAgeMs` ago (default 1 s); one primary and one replica query when measured. */
  lag: (maxAgeMs?: number) => Promise<ReplicaLag>;
  /** The last measured lag without waiting (undefined before the first); refreshes it in the background when old. */
  lastLag: () => ReplicaLag | undefined;
  close: () => Promise<void>;
};

/**
 * Opens the replica's pool (read-only sessions, JIT off as on the primary) and checks it answers.
 * `primary` is the primary's pool: the lag compares its current WAL position with the replica's
 * replay position, so an idle primary does not read as a lagging replica.
 */
export async function openReadReplica(url: string, primary: pg.Pool): Promise<ReadReplica> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: "-c jit=off -c default_transaction_read_only=on",
  });
  pool.on("error", (err) => {
    process.stderr.write(
      `read replica: idle connection closed (${(err as { code?: string }).code ?? err.message})\n`,
    );
  });
  try {
    (await pool.connect()).release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    const host = new URL(url).host;
    throw new StartupError(
      `Cannot connect to the read replica at ${host} (DATABASE_READ_URL): ${(err as Error).message}`,
      { cause: err },
    );
  }

  let last: ReplicaLag | undefined;
  let pending: Promise<ReplicaLag> | undefined;

  const measure = async (): Promise<ReplicaLag> => {
    // The primary's position first: once the replica has replayed up to it, everything committed
    // before this measurement is visible on the replica.
    const { rows: p } = await primary.query<{ lsn: string }>(
      "select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end)::text as lsn",
    );
    const { rows } = await pool.query<{ recovering: boolean; bytes: string | null; age: number | null }>(
      `select pg_is_in_recovery() as recovering,
              pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text as bytes,
              extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`,
      [p[0]?.lsn ?? "0/0"],
    );
    const r = rows[0];
    const bytes = r?.recovering ? Math.max(0, Number(r.bytes ?? 0)) : 0;
    const seconds = bytes > 0 ? Math.max(0, Number(r?.age ?? 0)) : 0;
    last = { seconds, bytes, measuredAt: Date.now() };
    return last;
  };

  const refresh = (): Promise<ReplicaLag> => {
    pending ??= measure().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    pool,
    lag: async (maxAgeMs = 1000) => (last && Date.now() - last.measuredAt <= maxAgeMs ? last : refresh()),
    lastLag: () => {
      if (!last || Date.now() - last.measuredAt > 1000) refresh().catch(() => undefined);
      return last;
    },
    close: () => pool.end(),
  };
}
