import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { addHousehold, buildWorld, sign, type World } from "./households.fixtures";

let w: World;
const YEAR = 2025;

beforeAll(async () => {
  w = await buildWorld();
  const id = await addHousehold(w, w.baclieu, {
    orgUnitId: w.areaA,
    headName: "Lê Thị Hòa",
    memberOrgs: ["women", "farmers"],
    code: "A-01",
  });
  await sign(w, w.baclieu, id, YEAR);
  await addHousehold(w, w.anxuyen, { orgUnitId: w.areaX, headName: "Trần Văn Bảy" });
});
afterAll(() => w.t.close());

describe("exportHouseholds", () => {
  it("is 401 without a session", async () => {
    expect((await call(w.t.app, null, "GET", "/api/v1/households/export/csv")).statusCode).toBe(401);
  });

  it("exports only the caller's households, with Vietnamese organisation names", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", "/api/v1/households/export/csv");
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("A-01,Lê Thị Hòa");
    expect(lines[1]).toContain(`"Hội LHPN; Hội Nông dân",${YEAR}`);
    expect(res.body).not.toContain("Trần Văn Bảy");
  });

  it("is 404 for a unit outside the caller's scope", async () => {
    const res = await call(w.t.app, w.anxuyen, "GET", `/api/v1/households/export/xlsx?orgUnitId=${w.areaA}`);
    expect(res.statusCode).toBe(404);
  });
});
