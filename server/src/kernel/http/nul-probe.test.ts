import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, type TestContext } from "../../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../../test/factories";

/**
 * The NUL probe: every route the app registered (its own route table, not a hand-kept list) gets a
 * NUL in each of its path parameters, each query parameter its schema documents, and each string
 * field of its JSON body (nested objects and arrays followed), as the first of a few accounts that
 * may call the route (a system administrator, the data-protection officer, a commune's case officer
 * and police), so the request gets past 401/403. Every answer is 400 `validation_failed`
 * whose issue names that field — never 500.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};
type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Route = { method: string; url: string };
type Probe = { method: string; url: string; payload?: unknown; expectPath: string[]; where: string };

const NUL = "x\u0000y";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every (method, url) in Fastify's route tree, read from printRoutes() (HEAD and OPTIONS left out). */
function registeredRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│├└─\s]*)(\S.*?) \(([A-Z, ]+)\)\s*$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? "";
    const full = parent === "/" ? `/${m[2]}` : `${parent}${m[2]}`;
    stack[depth] = full;
    for (const method of (m[3] ?? "").split(", ")) {
      if (METHODS.includes(method)) routes.push({ method, url: full });
    }
  }
  return routes;
}

function alternatives(s: JsonSchema): JsonSchema[] {
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
}

/** For each string reachable in the schema: a value with a NUL there, and that field's path. */
function nulValues(
  schema: JsonSchema | undefined,
  path: string,
  depth = 0,
): { value: unknown; path: string }[] {
  if (!schema || depth > 6) return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const out: { value: unknown; path: string }[] = [];
  if (types.includes("string")) out.push({ value: NUL, path });
  if (schema.properties) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      const p = path ? `${path}.${key}` : key;
      for (const v of nulValues(sub, p, depth + 1)) out.push({ value: { [key]: v.value }, path: v.path });
    }
  }
  if (schema.items) {
    for (const v of nulValues(schema.items, path ? `${path}.0` : "0", depth + 1)) {
      out.push({ value: [v.value], path: v.path });
    }
  }
  if (!out.length) {
    for (const alt of alternatives(schema)) {
      const found = nulValues(alt, path, depth + 1);
      if (found.length) return found;
    }
  }
  return out;
}

const encode = (s: string) => encodeURIComponent(s);

/**
 * A concrete URL: each path parameter a harmless value, or NUL in the one being probed. Two routes
 * whose parameters share a tree node print as one segment, `:slug|:id`.
 */
function fill(url: string, nulIn?: string): string {
  return url
    .replace(/:(\w+)(\|:\w+)*/g, (all: string) => encode(all === nulIn ? NUL : "0"))
    .replace(/\*$/, nulIn === "*" ? encode(NUL) : "x");
}

const paramPaths = (segment: string) => segment.split("|").map((p) => `params.${p.slice(1)}`);

function probesFor(route: Route, op: Operation | undefined): Probe[] {
  const probes: Probe[] = [];
  const where = `${route.method} ${route.url}`;
  for (const segment of [...route.url.matchAll(/:(\w+)(\|:\w+)*/g)].map((m) => m[0])) {
    probes.push({ ...route, url: fill(route.url, segment), expectPath: paramPaths(segment), where });
  }
  if (route.url.endsWith("*")) {
    probes.push({ ...route, url: fill(route.url, "*"), expectPath: ["params.*"], where });
  }
  const query = (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  // A route that documents no query string still has its query checked: probe an unknown key.
  for (const name of query.length ? query : ["probe"]) {
    const url = `${fill(route.url)}?${name}=${encode(NUL)}`;
    probes.push({ ...route, url, expectPath: [`query.${name}`], where });
  }
  if (route.method !== "GET" && route.method !== "DELETE") {
    const schema = op?.requestBody?.content?.["application/json"]?.schema;
    const values = nulValues(schema, "");
    // A write without a documented JSON body still has its body checked: a top-level string field.
    for (const v of values.length ? values : [{ value: { probe: NUL }, path: "probe" }]) {
      probes.push({ ...route, url: fill(route.url), payload: v.value, expectPath: [v.path], where });
    }
  }
  return probes;
}

let t: TestContext;
/** A system administrator first; case files are not theirs, so a 403 is tried again as case workers. */
let sessions: Session[];
beforeAll(async () => {
  t = await createTestContext({ CITIZEN_RATE_LIMIT: "100000" });
  const commune = (await unitByCode(t.app.db, "commune", "31825")).id;
  sessions = [
    await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id),
    // Personal-data requests, breaches and retention belong to the data-protection officer alone.
    await signedInAs(t.app, "data_protection_officer", (await rootUnit(t.app.db)).id),
    await signedInAs(t.app, "commune_case_officer", commune),
    await signedInAs(t.app, "commune_police", commune),
  ];
});
afterAll(() => t.close());

describe("NUL probe over every registered route", () => {
  it("answers 400 validation_failed naming the field, never 500", async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const operation = (r: Route) => doc.paths[r.url.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()];
    const routes = registeredRoutes(t.app);
    const probes = routes.flatMap((r) => probesFor(r, operation(r)));
    const failures: string[] = [];
    const reached = new Set<string>();
    for (const p of probes) {
      let res!: Awaited<ReturnType<typeof t.app.inject>>;
      for (const session of sessions) {
        res = await t.app.inject({
          method: p.method as "GET",
          url: p.url,
          headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
          ...(p.payload === undefined ? {} : { payload: p.payload as object }),
        });
        if (res.statusCode !== 403) break;
      }
      const body = String(res.headers["content-type"]).includes("json") ? res.json() : null;
      const issuePath = body?.error?.issues?.[0]?.path;
      if (
        res.statusCode === 400 &&
        body?.error?.code === "validation_failed" &&
        p.expectPath.includes(issuePath)
      ) {
        reached.add(p.where);
      } else {
        failures.push(`${p.where} ${p.expectPath.join("|")}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    const documented = routes.filter((r) => operation(r)).length;
    console.info(
      `NUL probe: ${routes.length} routes (${documented} documented in OpenAPI), ${probes.length} requests, ` +
        `${reached.size} routes answered 400 on every probe`,
    );
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(150);
    expect(reached.size).toBe(routes.length);
  }, 60_000);

  it("refuses a lone surrogate in a JSON body and NUL in a portal page's slug", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/tips",
      headers: { "content-type": "application/json" },
      payload: '{"category":"fraud","description":"a\\ud800b"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: "description", message: expect.any(String) }]);
    const page = await t.app.inject({ method: "GET", url: "/tin-tuc/x%00y" });
    expect(page.statusCode).toBe(400);
    expect(page.json().error).toMatchObject({ code: "validation_failed", issues: [{ path: "params.slug" }] });
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/accounts?q=%00",
      headers: { cookie: sessions[0]?.cookie ?? "" },
    });
    expect(list.statusCode).toBe(400);
    expect(list.json().error.issues[0].path).toBe("query.q");
    // An anonymous caller meets 401 first: the check never tells what a route accepts.
    const anon = await t.app.inject({ method: "GET", url: "/api/v1/accounts?q=%00" });
    expect(anon.statusCode).toBe(401);
  });
});
