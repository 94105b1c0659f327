import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "../../kernel/audit";
import { auditSequencerOf, sealPendingAudit } from "../../kernel/audit-sequencer";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { freePort } from "../../test/net";
import { markDraining } from "./system.routes";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
let t: TestContext;
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  t = await createTestContext({
    LOGIN_RATE_LIMIT: "3",
    METRICS_TOKEN,
    METRICS_PORT: String(metricsPort),
  });
});
afterAll(() => t.close());

const REQUIRED_OPERATIONS = [
  "login",
  "logout",
  "getCurrentUser",
  "listOrgUnits",
  "getOrgUnit",
  "createOrgUnit",
  "listAccounts",
  "createAccount",
];

describe("operations", () => {
  it("reports health with the engine", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });

  it("publishes OpenAPI 3.1 with the operation ids", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
    for (const id of REQUIRED_OPERATIONS) expect(ids).toContain(id);
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });

  it("serves Prometheus metrics without client addresses, only with the token", async () => {
    await t.app.inject({ method: "GET", url: "/api/health", remoteAddress: "203.0.113.77" });
    const res = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("http_request_duration_seconds");
    expect(res.body).not.toContain("203.0.113.77");
    for (const authorization of [
      undefined,
      "Bearer wrong",
      `Basic ${METRICS_TOKEN}`,
      `Bearer ${METRICS_TOKEN}x`,
    ]) {
      const refused = await t.app.inject({
        method: "GET",
        url: "/metrics",
        headers: authorization ? { authorization } : {},
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe("unauthenticated");
      expect(refused.body).not.toContain("http_request_duration_seconds");
    }
  });

  it("counts the deferred work when scraped: audit rows not yet sealed and their age, rollup changes not yet folded", async () => {
    const scrape = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: "/metrics",
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        })
      ).body;
    const value = (body: string, series: string) => {
      const line = body.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    const unsealed = 'toandan_deferred_rows{queue="audit_unsealed"}';
    const oldest = "toandan_audit_oldest_unsealed_seconds";
    const pending = 'toandan_deferred_rows{queue="activity_rollup_pending"}';
    // The sequencer paused (it seals what is there as it stops), so one row waits unsealed.
    const sequencer = auditSequencerOf(t.app.db)!;
    await sequencer.stop();
    try {
      await recordEvent(t.app.db, {
        actorId: null,
        action: "auth.logout",
        entityType: "account",
        entityId: "metrics-probe",
      });
      await new Promise((r) => setTimeout(r, 20));
      const waiting = await scrape();
      expect(value(waiting, unsealed)).toBe(1);
      expect(value(waiting, oldest)).toBeGreaterThan(0);
      expect(value(waiting, oldest)).toBeLessThan(60);
      expect(Number.isInteger(value(waiting, pending))).toBe(true);
      expect(await sealPendingAudit(t.app.db)).toBe(1);
      const sealed = await scrape();
      expect(value(sealed, unsealed)).toBe(0);
      expect(value(sealed, oldest)).toBe(0);
    } finally {
      sequencer.start();
    }
  });

  it("serves metrics without a token on the local metrics port, and nothing else there", async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("http_request_duration_seconds");
    expect((await fetch(`http://127.0.0.1:${metricsPort}/api/health`)).status).toBe(404);
  });

  it("answers unknown API paths with the error shape", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("answers malformed JSON with 400 validation_failed", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
      remoteAddress: "198.51.100.1",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("rate-limits sign-in attempts per client", async () => {
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "x", password: "y" },
        remoteAddress: "198.51.100.9",
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await attempt()).json().error.code).toBe("rate_limited");
    expect((await call(t.app, null, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });
});

describe("readiness", () => {
  it("is ready with a database that answers, and not ready once the process drains", async () => {
    const ready = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready" });
    markDraining(t.app);
    const draining = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(draining.statusCode).toBe(503);
    expect(draining.json()).toEqual({ status: "draining" });
    // Liveness is not readiness: the process still answers its in-flight work.
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  });
});
