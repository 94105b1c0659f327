import { bigint, customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A binary column as a Buffer on both engines (PGlite answers a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * State that every app process on one database must agree on (kernel/shared-state.ts).
 * The two rate-limit tables are UNLOGGED (set in their migration): never in the write-ahead log,
 * a base backup or a replica, and emptied after a crash — a limit then simply starts again.
 */

/** One counter per route and hashed client key (never an address), for its current window. */
export const rateLimitHits = pgTable("rate_limit_hits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
});

/**
 * The salt of the client-key hash for one hour, sealed with the master key (kernel/envelope.ts),
 * so every process hashes an address alike while the database alone cannot undo the hash.
 * Rows of past hours are deleted.
 */
export const rateLimitSalts = pgTable("rate_limit_salts", {
  hour: integer("hour").primaryKey(),
  sealed: bytea("sealed").notNull(),
});

/** A version per cache that must agree across processes, bumped in the transaction that invalidates it. */
export const cacheVersions = pgTable("cache_versions", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
});
