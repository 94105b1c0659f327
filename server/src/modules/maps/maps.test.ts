import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { MapValues } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../accounts";
import { rootUnit, signedInAs, TEST_PASSWORD, unitByCode } from "../../test/factories";
import { call, createTestContext, login, type Session, type TestContext } from "../../test/harness";
import { citizen, places, tipBody } from "../tips/test-support";
import { boundaryCodes, loadCommuneBoundaries, loadProvinceBoundaries } from "./boundaries";

/**
 * The map values are keyed by the boundary files' codes; tips are mapped for police roles only,
 * with a count under 5 hidden outside the caller's police compartment; the boundary files are
 * served compressed and cacheable.
 */
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let admin: Session;
let provinceFront: Session;
let provincePolice: Session;
let communeFront: Session;
/** Police of Bạc Liêu only, and the Front of the whole province. */
let mixed: Session;
const year = new Date().getUTCFullYear();

async function values(s: Session, unitId: string, indicator?: string) {
  return call(
    ctx.app,
    s,
    "GET",
    `/api/v1/maps/values?orgUnitId=${unitId}&year=${year}${indicator ? `&indicator=${indicator}` : ""}`,
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  admin = await signedInAs(ctx.app, "system_admin", (await rootUnit(ctx.app.db)).id);
  provinceFront = await signedInAs(ctx.app, "province_front", p.province.id);
  provincePolice = await signedInAs(ctx.app, "province_police", p.province.id);
  communeFront = await signedInAs(ctx.app, "commune_front", p.anxuyen.id);
  await createAccount(ctx.app.db, null, {
    username: "mixedroles",
    displayName: "Test mixed",
    password: TEST_PASSWORD,
    roles: [
      { role: "commune_police", orgUnitId: p.baclieu.id, body: "police" },
      { role: "province_front", orgUnitId: p.province.id, body: "front" },
    ],
  });
  mixed = await login(ctx.app, "mixedroles", TEST_PASSWORD);
  // Six tips to Bạc Liêu, two to An Xuyên.
  for (let i = 0; i < 8; i++) {
    const res = await citizen(ctx.app, "/tips", tipBody(p.province.id, i < 6 ? p.baclieu.id : p.anxuyen.id));
    expect(res.statusCode, res.body).toBe(201);
  }
}, 300_000);
afterAll(() => ctx?.close());

describe("map values", () => {
  it("key Cà Mau's communes by exactly the codes of its boundary file", async () => {
    const res = await values(provinceFront, p.province.id, "groups.models");
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json<MapValues>();
    const fileCodes = boundaryCodes(loadCommuneBoundaries("96")!).sort();
    expect(fileCodes).toHaveLength(64);
    expect(map.areas.map((a) => a.code).sort()).toEqual(fileCodes);
    expect(map.areas.find((a) => a.code === "31825")?.orgUnitId).toBe(p.baclieu.id);
    expect(map.areas.every((a) => typeof a.value === "number")).toBe(true);
    expect(map.boundaries).toMatchObject({ object: "communes", focus: null });
    expect(map.boundaries!.url).toMatch(/^\/boundaries\/communes\/96\.topojson\?v=[0-9a-f]{16}$/);
    expect(map.attribution).toContain("sapnhap.bando.com.vn");
  });

  it("key the country's provinces by the province file's codes", async () => {
    const root = (await rootUnit(ctx.app.db)).id;
    const map = (await values(admin, root, "certification.commune_rate")).json<MapValues>();
    expect(map.areas.map((a) => a.code).sort()).toEqual(boundaryCodes(loadProvinceBoundaries()).sort());
    expect(map.boundaries?.object).toBe("provinces");
  });

  it("draw a commune's own outline and list its children without codes", async () => {
    const map = (await values(communeFront, p.anxuyen.id, "hotspots.open")).json<MapValues>();
    expect(map.boundaries).toMatchObject({ object: "communes", focus: "32002" });
    expect(map.areas.every((a) => a.code === null)).toBe(true);
  });

  it("answer only within the caller's scope", async () => {
    expect((await values(communeFront, p.province.id)).statusCode).toBe(404);
    const other = await unitByCode(ctx.app.db, "province", "01");
    expect((await values(provinceFront, other.id)).statusCode).toBe(404);
    expect((await values(admin, other.id)).statusCode).toBe(200);
  });

  it("map tips for police roles only", async () => {
    const front = (await values(provinceFront, p.province.id)).json<MapValues>();
    expect(front.indicators).not.toContain("tips.received");
    expect(front.indicators).toContain("hotspots.open");
    const res = await values(provinceFront, p.province.id, "tips.received");
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("forbidden");
    const police = (await values(provincePolice, p.province.id, "tips.received")).json<MapValues>();
    expect(police.indicators).toContain("tips.received");
    const byCode = Object.fromEntries(police.areas.map((a) => [a.code, a]));
    expect(byCode["31825"]).toMatchObject({ value: 6, suppressed: false });
    expect(byCode["32002"]).toMatchObject({ value: 2, suppressed: false });
  });

  it("hide a tip count under 5 outside the caller's police compartment", async () => {
    const res = await values(mixed, p.province.id, "tips.received");
    expect(res.statusCode, res.body).toBe(200);
    const byCode = Object.fromEntries(res.json<MapValues>().areas.map((a) => [a.code, a]));
    expect(byCode["31825"]).toMatchObject({ value: 6, suppressed: false });
    expect(byCode["32002"]).toMatchObject({ value: null, suppressed: true });
  });
});

describe("tips per 10,000 people", () => {
  it("divide a commune's tips by its recorded population; say how many communes have none", async () => {
    const recorded = await call(
      ctx.app,
      provincePolice,
      "POST",
      `/api/v1/org-units/${p.baclieu.id}/populations`,
      {
        population: 12000,
        asOf: `${year - 1}-12-31`,
        source: "Niên giám thống kê",
      },
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((await values(provinceFront, p.province.id, "tips.per_10k")).statusCode).toBe(403);
    const res = await values(provincePolice, p.province.id, "tips.per_10k");
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json<MapValues>();
    expect(map.indicators).toContain("tips.per_10k");
    const byCode = Object.fromEntries(map.areas.map((a) => [a.code, a]));
    // 6 tips for 12,000 people.
    expect(byCode["31825"]).toMatchObject({ value: 5, population: 12000, suppressed: false });
    expect(byCode["32002"]).toMatchObject({ value: null, population: null });
    expect(map.withoutPopulation).toBe(63);
    // A population counted after the year does not apply to it.
    const past = await call(
      ctx.app,
      provincePolice,
      "GET",
      `/api/v1/maps/values?orgUnitId=${p.province.id}&year=${year - 2}&indicator=tips.per_10k`,
    );
    expect(past.json<MapValues>().withoutPopulation).toBe(64);
  });

  it("hide the rate where the tip count is under 5 outside the caller's police compartment", async () => {
    await call(ctx.app, provincePolice, "POST", `/api/v1/org-units/${p.anxuyen.id}/populations`, {
      population: 20000,
      asOf: `${year - 1}-12-31`,
      source: "Số liệu của xã",
    });
    const police = (await values(provincePolice, p.province.id, "tips.per_10k")).json<MapValues>();
    expect(police.areas.find((a) => a.code === "32002")).toMatchObject({ value: 1, suppressed: false });
    const mixedMap = (await values(mixed, p.province.id, "tips.per_10k")).json<MapValues>();
    expect(mixedMap.areas.find((a) => a.code === "32002")).toMatchObject({ value: null, suppressed: true });
    expect(mixedMap.areas.find((a) => a.code === "31825")).toMatchObject({ value: 5, suppressed: false });
    // A corrected figure for the same day replaces it (the later recorded); the rate has one decimal.
    await call(ctx.app, provincePolice, "POST", `/api/v1/org-units/${p.baclieu.id}/populations`, {
      population: 7000,
      asOf: `${year - 1}-12-31`,
      source: "Số liệu của xã (đính chính)",
    });
    const corrected = (await values(provincePolice, p.province.id, "tips.per_10k")).json<MapValues>();
    // 6 tips for 7,000 people: 8,571… → 8,6.
    expect(corrected.areas.find((a) => a.code === "31825")).toMatchObject({ value: 8.6, population: 7000 });
  });
});

describe("boundary files", () => {
  const file = (url: string, headers: Record<string, string> = {}, session?: Session) =>
    ctx.app.inject({
      method: "GET",
      url,
      headers: { ...headers, ...(session ? { cookie: session.cookie } : {}) },
    });

  it("are served compressed, cached for a year at the versioned URL, even to a signed-in reader", async () => {
    const map = (await values(provinceFront, p.province.id)).json<MapValues>();
    const url = map.boundaries!.url;
    const br = await file(url, { "accept-encoding": "gzip, deflate, br" }, provinceFront);
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toContain("accept-encoding");
    const topo = JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"));
    expect(boundaryCodes(topo).sort()).toEqual(boundaryCodes(loadCommuneBoundaries("96")!).sort());
    const gz = await file(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).length).toBeGreaterThan(gz.rawPayload.length * 2);
  });

  it("revalidate with the ETag without a version", async () => {
    const first = await file("/boundaries/provinces.topojson", { "accept-encoding": "gzip" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, no-cache");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const again = await file("/boundaries/provinces.topojson", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const stale = await file("/boundaries/provinces.topojson?v=0000000000000000", {});
    expect(stale.headers["cache-control"]).toBe("public, no-cache");
    expect(JSON.parse(stale.body).objects.provinces.geometries).toHaveLength(34);
  });

  it("are 404 for a code with no file", async () => {
    expect((await file("/boundaries/communes/99.topojson")).statusCode).toBe(404);
    expect((await file("/boundaries/communes/..%2Fprovinces_2025-07-01.topojson")).statusCode).toBe(404);
  });
});
