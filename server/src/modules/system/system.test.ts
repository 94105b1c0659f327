import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type TestContext } from "../../test/harness";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ LOGIN_RATE_LIMIT: "3" });
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

  it("serves Prometheus metrics without client addresses", async () => {
    await t.app.inject({ method: "GET", url: "/api/health", remoteAddress: "203.0.113.77" });
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("http_request_duration_seconds");
    expect(res.body).not.toContain("203.0.113.77");
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
