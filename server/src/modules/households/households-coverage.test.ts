import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { commitmentCoverage } from "./index";
import { addHousehold, buildWorld, sign, type ErrorBody, type World } from "./households.fixtures";

let w: World;
const YEAR = new Date().getUTCFullYear();
type ByOrg = { kind: string; members: number; signed: number };
type Figures = { households: number; signed: number; rate: number | null; byOrg: ByOrg[] };
type Coverage = Figures & { children?: (Figures & { orgUnitId: string; name: string })[] };

const org = (f: Figures, kind: string) => f.byOrg.find((o) => o.kind === kind);

beforeAll(async () => {
  w = await buildWorld();
  const h1 = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, memberOrgs: ["farmers", "women"] });
  await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, memberOrgs: ["farmers"] });
  const h3 = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, memberOrgs: ["women"] });
  const h4 = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, memberOrgs: ["veterans"] });
  await addHousehold(w, w.baclieu, { orgUnitId: w.areaB, memberOrgs: ["youth"] });
  const x = await addHousehold(w, w.anxuyen, { orgUnitId: w.areaX });
  await sign(w, w.baclieu, h1, YEAR, `${YEAR}-01-05`);
  await sign(w, w.baclieu, h3, YEAR, `${YEAR}-02-05`);
  await sign(w, w.baclieu, h4, YEAR - 1);
  await sign(w, w.anxuyen, x, YEAR);
  // h4 moved out early this year: it counts for last year, not for this one.
  const moved = await call(w.t.app, w.baclieu, "PATCH", `/api/v1/households/${h4}`, {
    movedOutOn: `${YEAR}-01-10`,
  });
  expect(moved.statusCode).toBe(200);
});
afterAll(() => w.t.close());

const coverage = async (query: string, s = w.baclieu) => {
  const res = await call(w.t.app, s, "GET", `/api/v1/households/coverage?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Coverage>();
};

describe("getCommitmentCoverage", () => {
  it("401 without a session", async () => {
    const res = await call(
      w.t.app,
      null,
      "GET",
      `/api/v1/households/coverage?orgUnitId=${w.areaA}&year=${YEAR}`,
    );
    expect(res.statusCode).toBe(401);
  });

  it("400 without a year", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", `/api/v1/households/coverage?orgUnitId=${w.areaA}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      { path: "querystring.year", message: "Năm phải là số" },
    ]);
  });

  it("404 for a unit outside the caller's scope", async () => {
    const res = await call(
      w.t.app,
      w.anxuyen,
      "GET",
      `/api/v1/households/coverage?orgUnitId=${w.baclieuId}&year=${YEAR}`,
    );
    expect(res.statusCode).toBe(404);
  });

  it("counts an area: moved-out households excluded after their move date; per organisation", async () => {
    const c = await coverage(`orgUnitId=${w.areaA}&year=${YEAR}`);
    expect(c).toMatchObject({ households: 3, signed: 2, rate: 0.6667 });
    expect(org(c, "farmers")).toEqual({ kind: "farmers", members: 2, signed: 1 });
    expect(org(c, "women")).toEqual({ kind: "women", members: 2, signed: 2 });
    expect(org(c, "veterans")).toEqual({ kind: "veterans", members: 0, signed: 0 });
    const last = await coverage(`orgUnitId=${w.areaA}&year=${YEAR - 1}`);
    expect(last).toMatchObject({ households: 1, signed: 1, rate: 1 });
    expect(org(last, "veterans")).toEqual({ kind: "veterans", members: 1, signed: 1 });
  });

  it("counts a commune per residential area with groupBy=child", async () => {
    const c = await coverage(`orgUnitId=${w.baclieuId}&year=${YEAR}&groupBy=child`);
    expect(c).toMatchObject({ households: 4, signed: 2, rate: 0.5 });
    expect(c.children?.map((k) => [k.name, k.households, k.signed, k.rate])).toEqual([
      ["Khóm 1", 3, 2, 0.6667],
      ["Khóm 2", 1, 0, 0],
    ]);
    expect(org(c.children![1]!, "youth")).toEqual({ kind: "youth", members: 1, signed: 0 });
  });

  it("counts a province per commune, with null rates where there are no households", async () => {
    const caMau = (await unitByCode(w.t.app.db, "province", "96")).id;
    const province = await signedInAs(w.t.app, "province_front", caMau);
    const c = await coverage(`orgUnitId=${caMau}&year=${YEAR}&groupBy=child`, province);
    expect(c).toMatchObject({ households: 5, signed: 3, rate: 0.6 });
    const byId = new Map(c.children!.map((k) => [k.orgUnitId, k]));
    expect(byId.get(w.baclieuId)).toMatchObject({ households: 4, signed: 2 });
    expect(byId.get(w.anxuyenId)).toMatchObject({ households: 1, signed: 1, rate: 1 });
    expect(c.children!.filter((k) => k.rate === null)).toHaveLength(c.children!.length - 2);
  });

  it("is exported for other modules as commitmentCoverage()", async () => {
    const commune = await unitByCode(w.t.app.db, "commune", "31825");
    const f = await commitmentCoverage(w.t.app.db, { rollupPathPrefix: commune.path, year: YEAR });
    expect(f).toMatchObject({ households: 4, signed: 2, rate: 0.5 });
    expect(org(f, "women")).toEqual({ kind: "women", members: 2, signed: 2 });
    // A household in two organisations counts once among member households.
    expect(f).toMatchObject({ memberHouseholds: 4, memberSigned: 2, memberRate: 0.5 });
  });
});
