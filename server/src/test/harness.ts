import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { inject, vi } from "vitest";
import { buildApp, type BuildAppOptions } from "../app";
import { loadConfig } from "../config";
import type { Database } from "../db/client";
import { fillDatabase, openTestDatabase } from "./template";

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
};

/**
 * A database of the test file's own with migrations applied and the official units imported:
 * a copy of the run's template (built once by global-setup.ts) on PGlite by default, or a new
 * PostgreSQL database cloned from the template database (dropped afterwards) when DATABASE_URL
 * is set. Without a template (another vitest config) it is built from scratch, as it used to be.
 */
export async function createTestContext(
  env: Record<string, string> = {},
  appOptions: Pick<BuildAppOptions, "sharedState"> = {},
): Promise<TestContext> {
  const template = inject("databaseTemplate");
  const test = await openTestDatabase({ template, baseUrl: process.env.DATABASE_URL });
  const { database, dataDir } = test;
  try {
    if (!template) await fillDatabase(database);
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      WEB_DIST: "/nonexistent",
      LOGIN_RATE_LIMIT: "10000",
      ...env,
    });
    const app = await buildApp({ database, config, logger: false, ...appOptions });
    await app.ready();
    return {
      app,
      database,
      close: async () => {
        await app.close();
        await test.close();
      },
    };
  } catch (err) {
    await test.close().catch(() => undefined);
    throw err;
  }
}

/**
 * A second app process on the database of `t` (made with `{ sharedState: true }`): built from a
 * fresh copy of every module (vi.resetModules), so nothing held in module memory — caches, salts,
 * rate-limit counters — is shared with `t.app`; only the database is, as between two server
 * processes. The caller closes it, before `t.close()`.
 */
export async function secondApp(t: TestContext): Promise<FastifyInstance> {
  vi.resetModules();
  const fresh: typeof import("../app") = await import("../app");
  const other = await fresh.buildApp({
    database: t.database,
    config: t.app.config,
    logger: false,
    sharedState: true,
  });
  await other.ready();
  return other;
}

export type Session = { cookie: string; csrf: string; accountId: string };

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ csrfToken: string; user: { id: string } }>();
  const cookie = res.cookies.find((c) => c.name === "td_session");
  if (!cookie) throw new Error("no session cookie");
  return { cookie: `td_session=${cookie.value}`, csrf: body.csrfToken, accountId: body.user.id };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls the API as a session (cookie + CSRF header), or anonymously with `session = null`. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers["x-csrf-token"] = session.csrf;
  }
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
