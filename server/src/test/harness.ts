import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { openDatabase, type Database } from "../db/client";
import { seedGroupTypes } from "../modules/groups";
import { importOfficialUnits } from "../modules/org-units";

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  close: () => Promise<void>;
};

/**
 * A fresh database per test file with migrations applied and the official units imported:
 * in-memory PGlite by default, a new PostgreSQL database (dropped afterwards) when
 * DATABASE_URL is set.
 */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (baseUrl) {
    const name = `toandan_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      // The pool's sockets close a moment after pool.end() resolves; forcing the drop while one is
      // still open would end it with a FATAL error in the test process. Wait for them (≤ 5 s).
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const database = await openDatabase({ databaseUrl });
  // A socket the pool is still closing when the database is dropped reports "terminating
  // connection"; in a test that is the expected end, not a failure of the run.
  database.pool?.on("connect", (client) => client.on("error", () => undefined));
  await database.migrate();
  await seedGroupTypes(database.db);
  await importOfficialUnits(database);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    WEB_DIST: "/nonexistent",
    LOGIN_RATE_LIMIT: "10000",
    ...env,
  });
  const app = await buildApp({ database, config, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      if (dropDb) await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
