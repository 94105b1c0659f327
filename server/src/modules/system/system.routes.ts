import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import client from "prom-client";
import { z } from "zod";
import { auditBacklog } from "../../kernel/audit-sequencer";
import { unauthenticated } from "../../kernel/errors";
import { pendingRollupChanges } from "../activities";

/** Apps whose process is shutting down: /api/ready answers 503 so the balancer sends no more. */
const draining = new WeakSet<FastifyInstance>();

/** Called on SIGTERM, before the listener closes (main.ts). */
export function markDraining(app: FastifyInstance): void {
  draining.add(app);
}

/** Health, metrics. Metrics carry route patterns and status codes only: no addresses, no bodies. */
export function registerSystemRoutes(app: FastifyInstance): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route pattern and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // The database's deferred work, counted when scraped (each a count over a short table or a
  // partial index): audit rows not yet sealed, and how long the oldest has waited (meant to stay
  // under a second); activity changes not yet folded into the rollups. NaN when the database does
  // not answer. The two gauges are collected together in a scrape and share one reading.
  let reading: Promise<{ unsealed: number; oldestSeconds: number; pending: number }> | null = null;
  const deferredWork = () =>
    (reading ??= Promise.all([
      auditBacklog(app.db).catch(() => ({ unsealed: Number.NaN, oldestSeconds: Number.NaN })),
      pendingRollupChanges(app.db).catch(() => Number.NaN),
    ])
      .then(([audit, pending]) => ({ ...audit, pending }))
      .finally(() => {
        reading = null;
      }));
  new client.Gauge({
    name: "toandan_deferred_rows",
    help: "Rows written and not yet processed in the background, by queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const work = await deferredWork();
      this.set({ queue: "audit_unsealed" }, work.unsealed);
      this.set({ queue: "activity_rollup_pending" }, work.pending);
    },
  });
  new client.Gauge({
    name: "toandan_audit_oldest_unsealed_seconds",
    help: "Age of the oldest audit row not yet sealed into the chain (0 when none)",
    registers: [registry],
    async collect() {
      this.set((await deferredWork()).oldestSeconds);
    },
  });
  app.addHook("onResponse", async (req, reply) => {
    if (req.routeOptions.config.anonymous) return; // citizen routes: no time series of submissions
    const route = req.routeOptions.url ?? "unmatched";
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    "/api/health",
    {
      schema: {
        operationId: "getHealth",
        tags: ["system"],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await app.db.execute(sql`select 1`);
        return { status: "ok" as const, database: app.database.engine };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const });
      }
    },
  );

  // Readiness, for the load balancer's health check: not ready while this process drains (SIGTERM,
  // markDraining) or while the database does not answer. /api/health stays the liveness probe.
  app.get(
    "/api/ready",
    {
      schema: {
        operationId: "getReadiness",
        tags: ["system"],
        response: {
          200: z.object({ status: z.literal("ready") }),
          503: z.object({ status: z.enum(["draining", "unavailable"]) }),
        },
      },
    },
    async (_req, reply) => {
      if (draining.has(app)) return reply.status(503).send({ status: "draining" as const });
      try {
        await app.db.execute(sql`select 1`);
        return { status: "ready" as const };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const });
      }
    },
  );

  // On the public port /metrics answers only with the METRICS_TOKEN bearer; without a token set
  // it is not there at all (404). METRICS_PORT serves it without a token on a local address.
  const token = app.config.metricsToken;
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    if (!token) return reply.callNotFound();
    if (!bearerMatches(req.headers.authorization, token)) {
      void reply.header("www-authenticate", 'Bearer realm="metrics"');
      throw unauthenticated();
    }
    void reply.type(registry.contentType).header("cache-control", "no-store");
    return registry.metrics();
  });
  const port = app.config.metricsPort;
  if (port) serveMetricsLocally(app, registry, port, app.config.metricsHost ?? "127.0.0.1");
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(/^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "");
  const want = Buffer.from(token);
  return sent.length === want.length && timingSafeEqual(sent, want);
}

/**
 * A second listener, only for Prometheus: started when the app is ready (a port in use stops the
 * start with the listener's error), closed with the app.
 */
function serveMetricsLocally(app: FastifyInstance, registry: client.Registry, port: number, host: string) {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  app.addHook("onReady", async () => {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  });
  app.addHook("onClose", async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}
