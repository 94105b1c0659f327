import net from "node:net";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/harness";
import { rootUnit, signedInAs } from "../../test/factories";
import {
  clientErrorHandler,
  frameworkErrors,
  isDatabaseUnreachable,
  pgToAppError,
  registerErrorHandler,
} from "./error-handler";

/**
 * Every refusal the framework, a plugin or Node's own HTTP parser makes answers in the documented
 * error shape with a request id — over a real socket where inject() never meets the parser — and
 * API answers are `no-store` unless public and cacheable.
 */

type RawAnswer = { status: number; head: string; body: string };

/** Sends bytes over a plain TCP connection and reads the whole answer. */
function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    // The server may close while the rest of a huge request is still being written.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", body = ""] = text.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      if (!status) reject(new Error(`no answer: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status, head, body });
    });
    socket.setTimeout(10_000, () => socket.destroy());
    socket.write(request);
  });
}

function expectShape(body: string, code: string) {
  const parsed = JSON.parse(body) as { error: { code: string; message: string; requestId: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  expect(parsed.error.requestId).toMatch(/\S+/);
  return parsed;
}

let t: TestContext;
let port: number;
beforeAll(async () => {
  t = await createTestContext();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

describe("refusals before Fastify (Node's HTTP parser, the router), over a real socket", () => {
  it("a 20 kB header field: 431 headers_too_large in the error shape", async () => {
    const res = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.head).toMatch(/content-type: application\/json/i);
    expectShape(res.body, "headers_too_large");
  });

  it("a 100 kB URL: 414 uri_too_long in the error shape", async () => {
    const res = await rawRequest(
      port,
      `GET /api/v1/accounts?q=${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(res.status).toBe(414);
    expectShape(res.body, "uri_too_long");
  });

  it("a NUL in a header, a malformed request line: 400 in the error shape", async () => {
    const nul = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n`);
    expect(nul.status).toBe(400);
    expectShape(nul.body, "validation_failed");
    const garbage = await rawRequest(port, "NOT A REQUEST\r\n\r\n");
    expect(garbage.status).toBe(400);
    expectShape(garbage.body, "validation_failed");
  });

  it("a URL that does not decode, a path parameter over the router's limit", async () => {
    const bad = await rawRequest(
      port,
      "GET /tin-tuc/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(bad.status).toBe(400);
    expectShape(bad.body, "validation_failed");
    const long = await t.app.inject({ method: "GET", url: `/api/v1/accounts/${"a".repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expectShape(long.body, "uri_too_long");
  });
});

describe("refusals by Fastify and its plugins", () => {
  it("413 body too large, 415 unsupported media type, 400 malformed or empty JSON", async () => {
    const big = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "a".repeat(2 * 1024 * 1024), password: "x" }),
    });
    expect(big.statusCode).toBe(413);
    expectShape(big.body, "payload_too_large");
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<login/>",
    });
    expect(xml.statusCode).toBe(415);
    expectShape(xml.body, "unsupported_media_type");
    for (const payload of ["{not json", ""]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expectShape(res.body, "validation_failed");
    }
  });

  it("404 not_found for an unknown path and for an unknown method on a known path", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/nothing-here"],
      ["DELETE", "/api/v1/auth/me"],
      ["PATCH", "/api/health"],
      ["GET", "/metrics"],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expectShape(res.body, "not_found");
    }
  });
});

describe("security headers (helmet, built once at start)", () => {
  it("every answer carries them: an API answer, an error, a 404 and the web app's page", async () => {
    const answers = await Promise.all(
      ["/api/health", "/api/v1/no-such-route", "/"].map((url) => t.app.inject({ method: "GET", url })),
    );
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect([...answers, bad].map((r) => r.statusCode)).toEqual([200, 404, 200, 400]);
    for (const r of [...answers, bad]) {
      expect(r.headers["content-security-policy"]).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
          "frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';" +
          "script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests",
      );
      expect(r.headers).toMatchObject({
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "referrer-policy": "no-referrer",
        "strict-transport-security": "max-age=31536000; includeSubDomains",
        "x-content-type-options": "nosniff",
        "x-frame-options": "SAMEORIGIN",
      });
      expect(r.headers["x-powered-by"]).toBeUndefined();
    }
  });
});

describe("Cache-Control", () => {
  it("no-store on signed-in answers, errors and citizen look-ups; public cacheable answers keep theirs", async () => {
    const admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
    const headers = { cookie: admin.cookie };
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.headers["cache-control"]).toBe("no-store");
    // A public answer that may be cached says so; to a signed-in caller it is no-store all the same.
    const stats = await t.app.inject({ method: "GET", url: "/api/v1/public/statistics" });
    expect(stats.statusCode).toBe(200);
    expect(stats.headers["cache-control"]).toBe("public, max-age=300");
    const statsSignedIn = await t.app.inject({ method: "GET", url: "/api/v1/public/statistics", headers });
    expect(statsSignedIn.headers["cache-control"]).toBe("no-store");
    const lookup = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/tips/status",
      payload: { code: "TG-0000-0000", secret: "nothing-like-it" },
    });
    expect(lookup.statusCode).toBeGreaterThanOrEqual(400);
    expect(lookup.headers["cache-control"]).toBe("no-store");
    const denied = await t.app.inject({ method: "GET", url: "/api/v1/accounts" });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers["cache-control"]).toBe("no-store");
    // Portal pages are outside the API and keep their own header.
    const home = await t.app.inject({ method: "GET", url: "/" });
    expect(home.headers["cache-control"]).toBe("no-cache");
    // An anonymous answer that does not say it may be cached is not kept either.
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.headers["cache-control"]).toBe("no-store");
  });
});

describe("database outage: 503 service_unavailable with Retry-After", () => {
  it.each([
    ["ECONNREFUSED", { code: "ECONNREFUSED" }],
    ["admin shutdown, wrapped by the query builder", { message: "Failed query", cause: { code: "57P01" } }],
    ["connection exception 08006", { cause: { code: "08006" } }],
    ["cannot connect now", { code: "57P03" }],
    ["happy eyeballs AggregateError", { errors: [{ code: "ECONNREFUSED" }] }],
    ["pool connect timeout", { message: "timeout exceeded when trying to connect" }],
    ["socket ended", { cause: new Error("Connection terminated unexpectedly") }],
  ])("%s is unreachable", (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
    const mapped = pgToAppError(error);
    expect(mapped?.code).toBe("service_unavailable");
    expect(mapped?.status).toBe(503);
    expect(mapped?.headers?.["retry-after"]).toMatch(/^\d+$/);
  });

  it.each([
    ["unique violation", { cause: { code: "23505" } }, "conflict"],
    ["NUL byte", { cause: { code: "22021" } }, null],
    ["syntax error", { code: "42601" }, null],
  ])("%s is not an outage", (_, error, code) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
    expect(pgToAppError(error)?.code ?? null).toBe(code);
  });
});

/** A bare app with the kernel's error handling, for refusals the real routes cannot provoke. */
async function bareApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, clientErrorHandler, frameworkErrors });
  registerErrorHandler(app);
  await app.register(multipart, { limits: { files: 1, fileSize: 1024, fields: 2 } });
  app.get("/down", async () => {
    throw Object.assign(new Error("Failed query: select 1"), { cause: { code: "57P01" } });
  });
  app.get("/not-acceptable", async () => {
    throw Object.assign(new Error("nope"), { statusCode: 406 });
  });
  app.post("/upload", async (req) => {
    const file = await req.file();
    await file?.toBuffer();
    return { ok: true };
  });
  return app;
}

describe("the error handler alone", () => {
  it("answers an outage with 503, Retry-After and the error shape; 406 and multipart limits too", async () => {
    const app = await bareApp();
    const down = await app.inject({ method: "GET", url: "/down" });
    expect(down.statusCode).toBe(503);
    expect(down.headers["retry-after"]).toBe("5");
    expectShape(down.body, "service_unavailable");
    const na = await app.inject({ method: "GET", url: "/not-acceptable" });
    expect(na.statusCode).toBe(406);
    expectShape(na.body, "not_acceptable");
    const boundary = "XyZ";
    const part = (name: string, file: string | null, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${content}\r\n`;
    const upload = (payload: string) =>
      app.inject({
        method: "POST",
        url: "/upload",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    const tooBig = await upload(part("file", "a.bin", "x".repeat(4096)) + `--${boundary}--\r\n`);
    expect(tooBig.statusCode).toBe(413);
    expectShape(tooBig.body, "payload_too_large");
    const notMultipart = await app.inject({ method: "POST", url: "/upload", payload: { a: 1 } });
    expect(notMultipart.statusCode).toBe(406);
    expectShape(notMultipart.body, "not_acceptable");
    await app.close();
  });
});
