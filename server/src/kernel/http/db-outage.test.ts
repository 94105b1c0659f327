import net from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { openDatabase, type Database } from "../../db/client";
import { copyTemplate, type DatabaseCopy } from "../../test/template";
import { rootUnit, signedInAs } from "../../test/factories";
import type { Session } from "../../test/harness";

/**
 * A PostgreSQL outage at run time, for real: the app's pool reaches the server through a TCP relay
 * this test owns; closing the relay (listener and every open connection) is the outage, opening it
 * again on the same port is the recovery. Requests meanwhile answer 503 `service_unavailable` with
 * Retry-After in the error shape, and service resumes by itself. PostgreSQL only (DATABASE_URL); on
 * PGlite the mapping is covered by http-edge.test.ts.
 */
const baseUrl = process.env.DATABASE_URL;

class Relay {
  private server: net.Server | null = null;
  /** Connections from the app's pool, and the relay's own connections to the server. */
  private readonly sockets = new Map<net.Socket, "app" | "server">();
  port = 0;
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const [s, side] of [
        [client, "app"],
        [upstream, "server"],
      ] as const) {
        this.sockets.set(s, side);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    // The app's side is closed as a server shutting down closes it (FIN), the server's side at once.
    for (const [s, side] of this.sockets) {
      if (side === "app") s.end(() => s.destroy());
      else s.destroy();
    }
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.skipIf(!baseUrl)("database outage at run time (PostgreSQL)", () => {
  let copy: DatabaseCopy;
  let database: Database;
  let app: FastifyInstance;
  let relay: Relay;
  let admin: Session;

  beforeAll(async () => {
    copy = await copyTemplate({ template: inject("databaseTemplate"), baseUrl });
    const target = new URL(copy.databaseUrl ?? "");
    relay = new Relay(target.hostname, Number(target.port || 5432));
    await relay.open();
    target.hostname = "127.0.0.1";
    target.port = String(relay.port);
    database = await openDatabase({ databaseUrl: target.toString() });
    database.pool?.on("connect", (client) => client.on("error", () => undefined));
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: copy.dataDir,
      LOG_LEVEL: "silent",
      WEB_DIST: "/nonexistent",
      DATABASE_URL: target.toString(),
    });
    app = await buildApp({ database, config, logger: false });
    await app.ready();
    admin = await signedInAs(app, "system_admin", (await rootUnit(app.db)).id);
  }, 60_000);

  afterAll(async () => {
    await relay?.open();
    await app?.close();
    await database?.close().catch(() => undefined);
    await relay?.cut();
    await copy?.remove();
  });

  const me = () => app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: admin.cookie } });

  it("answers 503 with Retry-After while the database is gone, and resumes by itself", async () => {
    expect((await me()).statusCode).toBe(200);

    await relay.cut();
    // The session look-up (a hook), then a public route's own query (its handler), twice each.
    const stats = () => app.inject({ method: "GET", url: "/api/v1/public/statistics" });
    for (const res of [await me(), await me(), await stats(), await stats()]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers["retry-after"]).toMatch(/^\d+$/);
      const body = res.json<{ error: { code: string; requestId: string } }>();
      expect(body.error.code).toBe("service_unavailable");
      expect(body.error.requestId).toBeTruthy();
    }
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(503);

    await relay.open();
    const back = Date.now();
    let res = await me();
    while (res.statusCode !== 200 && Date.now() - back < 5_000) res = await me();
    expect(res.statusCode, res.body).toBe(200);
    console.info(`database back: first answer 200 after ${Date.now() - back} ms`);
  }, 30_000);
});
