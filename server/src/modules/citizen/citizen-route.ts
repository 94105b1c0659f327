import type { FastifyInstance, FastifyRequest } from "fastify";
import { hashedClientKey } from "../../kernel/http/client-key";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A citizen route: no request log lines and no metrics (their times would date a submission). */
    anonymous?: boolean;
  }
}

/** Per-address limits (per minute) of the citizen routes, keyed by the rotating salted hash. */
export function citizenRateLimit(app: FastifyInstance) {
  const base = app.config.citizenRateLimit;
  return { submit: base, lookup: base };
}

/**
 * Options for a public citizen route: no session needed, rate limited by the salted rotating hash
 * of the address (the address is never stored; counted in the database for every process), and
 * silent in the logs.
 */
export function citizenRoute(max: number) {
  return {
    logLevel: "silent" as const,
    config: {
      public: true,
      anonymous: true,
      rateLimit: { max, timeWindow: "1 minute", keyGenerator: hashedClientKey },
    },
  };
}

/**
 * The same options for a route stated with defineRoute (with `public: true`): the limit is read
 * from the app's configuration on each request.
 */
export const CITIZEN_ROUTE = {
  logLevel: "silent" as const,
  config: {
    anonymous: true,
    rateLimit: {
      max: (req: FastifyRequest) => req.server.config.citizenRateLimit,
      timeWindow: "1 minute",
      keyGenerator: hashedClientKey,
    },
  },
};
