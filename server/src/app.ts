import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from "fastify";
import helmet from "helmet";
import {
  jsonSchemaTransform,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "./config";
import type { Database } from "./db/client";
import { startAuditSequencer } from "./kernel/audit-sequencer";
import { Envelope, loadOrCreateMasterKey } from "./kernel/envelope";
import { registerAuthHooks } from "./kernel/http/auth-hooks";
import { registerReadReplica } from "./kernel/http/read-routing";
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from "./kernel/http/error-handler";
import { registerNoStore, registerTextGuard } from "./kernel/http/request-guards";
import { replySerializerCompiler } from "./kernel/http/reply-serializer";
import { hashedClientKey } from "./kernel/http/client-key";
import { databaseRateLimitStore } from "./kernel/http/rate-limit-store";
import { followCacheVersions } from "./kernel/cache-version";
import { accountRoutes } from "./modules/accounts";
import { activityRoutes, startRollupFolder } from "./modules/activities";
import { groupRoutes } from "./modules/groups";
import { householdRoutes } from "./modules/households";
import { planRoutes } from "./modules/plans";
import { certificationRoutes } from "./modules/certification";
import { caseRoutes } from "./modules/cases";
import { hotspotRoutes } from "./modules/hotspots";
import { supervisionRoutes } from "./modules/supervision";
import { committeeRoutes } from "./modules/committees";
import { pilotRoutes } from "./modules/pilots";
import { mediaRoutes } from "./modules/media";
import { commendationRoutes } from "./modules/commendations";
import { indicatorRoutes } from "./modules/indicators";
import { reportRoutes } from "./modules/reports";
import { auditRoutes } from "./modules/audit";
import { actorFromToken, authRoutes, SESSION_COOKIE } from "./modules/auth";
import { orgUnitRoutes, populationRoutes } from "./modules/org-units";
import { registerSystemRoutes } from "./modules/system";
import { citizenRoutes } from "./modules/citizen";
import { feedbackRoutes } from "./modules/feedback";
import { calendarRoutes, startWorkingCalendar } from "./modules/calendar";
import { newsRoutes, portalRoutes } from "./modules/news";
import { boundaryRoutes, mapRoutes } from "./modules/maps";
import { tipRoutes } from "./modules/tips";
import { privacyRoutes } from "./modules/privacy";
import { retentionRoutes } from "./modules/retention";
import { syncRoutes } from "./modules/sync";
import { capturePageRoutes } from "./modules/capture";

z.config(z.locales.vi());

const API = "/api/v1";

/**
 * Every module's routes, registered in this order: the API under /api/v1, public pages at the root
 * (the portal: /, /to-giac, /phan-anh, /tra-cuu, /thong-ke, /nguoi-tot-viec-tot, /verify/…).
 */
const MODULE_ROUTES: { prefix?: string; routes: FastifyPluginAsync | FastifyPluginAsyncZod }[] = [
  { routes: portalRoutes },
  { routes: capturePageRoutes },
  { prefix: API, routes: authRoutes },
  { prefix: API, routes: orgUnitRoutes },
  { prefix: API, routes: populationRoutes },
  { prefix: API, routes: accountRoutes },
  { prefix: API, routes: auditRoutes },
  { prefix: API, routes: activityRoutes },
  { prefix: API, routes: groupRoutes },
  { prefix: API, routes: householdRoutes },
  { prefix: API, routes: planRoutes },
  { prefix: API, routes: caseRoutes },
  { prefix: API, routes: hotspotRoutes },
  { prefix: API, routes: supervisionRoutes },
  { prefix: API, routes: committeeRoutes },
  { prefix: API, routes: pilotRoutes },
  { prefix: API, routes: mediaRoutes },
  { prefix: API, routes: commendationRoutes },
  { prefix: API, routes: indicatorRoutes },
  { prefix: API, routes: reportRoutes },
  { prefix: API, routes: citizenRoutes },
  { prefix: API, routes: tipRoutes },
  { prefix: API, routes: feedbackRoutes },
  { prefix: API, routes: calendarRoutes },
  { prefix: API, routes: newsRoutes },
  { prefix: API, routes: certificationRoutes },
  { prefix: API, routes: privacyRoutes },
  { prefix: API, routes: retentionRoutes },
  { prefix: API, routes: mapRoutes },
  { prefix: API, routes: syncRoutes },
  { routes: boundaryRoutes },
];

export type BuildAppOptions = {
  database: Database;
  config: Config;
  logger?: boolean;
  /** Where log lines go (default stdout); tests capture them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
  /**
   * Rate limits and cache versions counted in the database, as several app processes on it need
   * (default: on PostgreSQL). A PGlite folder has one process (its lock file), which counts them in
   * memory; tests of what processes share set this on both engines.
   */
  sharedState?: boolean;
};

/** Builds the HTTP application; tests use it with `app.inject()`. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // Requests are logged by method, route and status only: never addresses, agents or bodies.
            serializers: {
              req: (req: { method: string; routeOptions?: { url?: string } }) => ({
                method: req.method,
                route: req.routeOptions?.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
    bodyLimit: 1024 * 1024,
    // Behind a balancer (TRUST_PROXY), req.ip is the client it names, so limits stay per client.
    trustProxy: opts.config.trustProxy,
    // Refusals made before any route (Node's HTTP parser, the router) answer in the error shape too.
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(replySerializerCompiler);
  app.decorate("database", opts.database);
  app.decorate("db", opts.database.db);
  app.decorate("config", opts.config);
  // app.readDb: the streaming replica of DATABASE_READ_URL, or the primary (read-routing.ts).
  await registerReadReplica(app, opts.database);
  app.decorate("envelope", new Envelope(loadOrCreateMasterKey(opts.config.masterKeyFile)));
  // Links the audit rows writes append into the signed chain, in the background (decision 0012).
  const auditSequencer = startAuditSequencer(opts.database.db, {
    keyFile: opts.config.auditCheckpointKeyFile,
    checkpointFile: opts.config.auditCheckpointFile,
    onError: (err) => app.log.error({ err }, "audit sequencer"),
  });
  app.addHook("onClose", () => auditSequencer.stop());
  // Folds the activity changes the writes leave pending into the rollups (activities.rollup-folder.ts).
  const rollupFolder = startRollupFolder(opts.database.db, {
    onError: (err) => app.log.error({ err }, "activity rollup folder"),
  });
  app.addHook("onClose", () => rollupFolder.stop());
  // One process per PGlite folder: its caches count versions in memory (kernel/cache-version.ts).
  const shared = opts.sharedState ?? opts.database.engine === "postgres";
  const pglite = !shared && opts.database.engine === "pglite" ? opts.database.pglite : undefined;
  if (pglite) {
    const unfollow = await followCacheVersions(pglite);
    app.addHook("onClose", unfollow);
  }

  // Helmet's headers on every answer, its middleware built once: @fastify/helmet builds it again
  // on every request (30–40 µs each, measured).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
  });
  app.addHook("onRequest", (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fileSize: 5 * 1024 * 1024, fields: 10 } });
  // Limits are counted in the database so they hold across every app process on it; a PGlite
  // folder has one process (its lock file), which counts them in memory.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: hashedClientKey,
    ...(shared ? { store: databaseRateLimitStore(opts.database.db) } : {}),
  });
  registerErrorHandler(app);
  registerAuthHooks(app, { cookieName: SESSION_COOKIE, actorFromToken });
  registerTextGuard(app);
  registerNoStore(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Toàn Dân API", version: "0.1.0" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "td_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSystemRoutes(app);
  for (const { prefix, routes } of MODULE_ROUTES) await app.register(routes, prefix ? { prefix } : {});
  // Every working-day clock counts with the holidays table from here on (the calendar module).
  await startWorkingCalendar(app);

  await registerWeb(app, opts.config.webDist);
  return app;
}

/** Serves the built web console, with the SPA's index.html for client-side routes. */
async function registerWeb(app: FastifyInstance, dist: string): Promise<void> {
  const index = path.join(dist, "index.html");
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // The build writes Brotli and gzip copies of the scripts and styles (web/vite.config.ts): sent
    // to a browser that accepts them, so a phone on a slow line downloads ~⅓ of the bytes.
    preCompressed: true,
    // The service worker and the app manifest are checked on every visit, so an update is seen.
    setHeaders: (reply, file) => {
      if (/(^|[\\/])(sw\.js|manifest\.webmanifest)$/.test(file)) reply.header("cache-control", "no-cache");
    },
  });
  const html = fs.readFileSync(index, "utf8");
  app.get("/*", { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    if (url.startsWith("/api/")) {
      return reply.callNotFound();
    }
    const file = path.join(dist, path.normalize(url));
    if (file.startsWith(dist) && url !== "/" && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(dist, file));
    }
    return reply.type("text/html; charset=utf-8").send(html);
  });
}
