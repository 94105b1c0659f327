import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns";

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

/**
 * Background jobs every app process can run (kernel/jobs.ts): a process claims a queued job, or one
 * whose runner stopped sending heartbeats, with FOR UPDATE SKIP LOCKED; the job's own transaction
 * marks it done, so a job runs to completion once even across a restart. The payload is dropped when
 * the job ends; ended jobs are deleted after an hour.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    ownerId: uuid("owner_id"),
    status: text("status", { enum: ["queued", "running", "done", "failed"] }).notNull(),
    payload: jsonb("payload"),
    processed: integer("processed").notNull().default(0),
    total: integer("total").notNull().default(0),
    result: jsonb("result"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    lockedBy: text("locked_by"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("jobs_claim_idx").on(t.kind, t.status, t.createdAt)],
);

/**
 * Idempotency keys of capture writes (kernel/idempotency.ts, decision 0015): the key an offline
 * client sends with a create, claimed with INSERT … ON CONFLICT in the write's own transaction, with
 * the answer stored in that transaction, so a resent request is answered the same and writes nothing.
 * A failed write rolls its claim back. Rows older than 30 days are purged by a job.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: uuid("account_id").notNull(),
    key: text("key").notNull(),
    /** The route's operationId: the same key for another operation is a reuse. */
    operation: text("operation").notNull(),
    /** SHA-256 of the canonical request (path parameters, query and body). */
    requestHash: text("request_hash").notNull(),
    /** The answer's status; null only inside the claiming transaction. */
    status: smallint("status"),
    /** The answer's JSON sealed with the master key (base64 in a JSON string): it holds personal data. */
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
