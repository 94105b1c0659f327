import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: "PORT must be a number between 1 and 65535" })
    .int()
    .min(1, "PORT must be a number between 1 and 65535")
    .max(65535, "PORT must be a number between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1, "HOST must not be empty").default("127.0.0.1"),
  DATA_DIR: z.string().min(1, "DATA_DIR must not be empty").default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  /** A PostgreSQL streaming replica the dashboard, indicator queries and lists read from (optional). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_READ_URL must start with postgres:// or postgresql://")
    .optional(),
  /** Seconds the replica may lag and still be read from; also how long a caller reads the primary after its own write. */
  DATABASE_READ_MAX_LAG: z.coerce
    .number({ error: "DATABASE_READ_MAX_LAG must be a number of seconds" })
    .min(1, "DATABASE_READ_MAX_LAG must be at least 1 second")
    .max(3600, "DATABASE_READ_MAX_LAG must be at most 3600 seconds")
    .default(10),
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      error: "NODE_ENV must be development, production or test",
    })
    .default("development"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  /** Session cookies are marked Secure by default when NODE_ENV=production; "false" switches it off. */
  COOKIE_SECURE: z.enum(["true", "false"], { error: "COOKIE_SECURE must be true or false" }).optional(),
  WEB_DIST: z.string().optional(),
  /** Sign-in attempts per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce
    .number({ error: "LOGIN_RATE_LIMIT must be a positive integer" })
    .int("LOGIN_RATE_LIMIT must be a positive integer")
    .min(1, "LOGIN_RATE_LIMIT must be a positive integer")
    .default(20),
  /** Citizen submissions and look-ups per client address per minute (tips, feedback). */
  CITIZEN_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1, "CITIZEN_RATE_LIMIT must be a positive integer")
    .default(10),
  /**
   * Outbox batches (POST /sync/batch, up to 50 records each) per signed-in account per minute: 500
   * records take 10; a phone resending after a flapping network a few dozen more.
   */
  SYNC_BATCH_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1, "SYNC_BATCH_RATE_LIMIT must be a positive integer")
    .default(60),
  /** Working days to answer a citizen's feedback or petition. */
  FEEDBACK_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  /** The master key that wraps the data keys of encrypted fields; default DATA_DIR/keys/master.key. */
  MASTER_KEY_FILE: z.string().optional(),
  /** Where the audit sequencer appends its signed checkpoints; default DATA_DIR/audit-checkpoints.log. */
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /** Bearer token that opens GET /metrics on the public port; without it /metrics there is 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** A separate port serving only /metrics, without a token, bound to METRICS_HOST. */
  METRICS_PORT: z.coerce
    .number({ error: "METRICS_PORT must be a number between 1 and 65535" })
    .int()
    .min(1, "METRICS_PORT must be a number between 1 and 65535")
    .max(65535, "METRICS_PORT must be a number between 1 and 65535")
    .optional(),
  METRICS_HOST: z.string().min(1, "METRICS_HOST must not be empty").default("127.0.0.1"),
  /**
   * The balancer's addresses (comma-separated IPs or CIDRs, e.g. "127.0.0.1,10.0.0.0/8"): from them
   * X-Forwarded-For names the client, which rate limits hash. Unset: the socket's address counts.
   */
  TRUST_PROXY: z.string().min(1).optional(),
  /** On SIGTERM: seconds /api/ready answers 503 before the listener closes (balancer check interval). */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(60).default(0),
  /** On SIGTERM: seconds in-flight requests get to finish before their connections are cut. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The read replica (DATABASE_READ_URL); undefined: every read goes to the primary. */
  databaseReadUrl: string | undefined;
  databaseReadMaxLagSeconds: number;
  env: "development" | "production" | "test";
  isProduction: boolean;
  logLevel: string;
  cookieSecure: boolean;
  webDist: string;
  loginRateLimit: number;
  masterKeyFile: string;
  /** The key that signs the audit checkpoints, beside the master key (audit-checkpoint.key). */
  auditCheckpointKeyFile: string;
  auditCheckpointFile: string;
  citizenRateLimit: number;
  syncBatchRateLimit: number;
  feedbackDueWorkingDays: number;
  metricsToken?: string | undefined;
  metricsPort?: number | undefined;
  metricsHost?: string | undefined;
  /** Fastify's trustProxy: the balancer's addresses, or false. */
  trustProxy: string | false;
  shutdownDrainMs: number;
  shutdownGraceMs: number;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (its primary) to be set too",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databaseReadMaxLagSeconds: e.DATABASE_READ_MAX_LAG,
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production",
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    citizenRateLimit: e.CITIZEN_RATE_LIMIT,
    syncBatchRateLimit: e.SYNC_BATCH_RATE_LIMIT,
    feedbackDueWorkingDays: e.FEEDBACK_DUE_WORKING_DAYS,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    trustProxy: e.TRUST_PROXY ?? false,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_SECONDS * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(e.DATA_DIR, "keys", "master.key")),
    auditCheckpointKeyFile: path.join(
      path.dirname(path.resolve(e.MASTER_KEY_FILE ?? path.join(e.DATA_DIR, "keys", "master.key"))),
      "audit-checkpoint.key",
    ),
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, "audit-checkpoints.log"),
    ),
    webDist: path.resolve(e.WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
  };
}
