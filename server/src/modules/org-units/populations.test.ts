import type { UnitPopulations } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";

/**
 * A commune's population: recorded by the commune's own cadres or its province's, each figure kept
 * (history), audited; the one in force is the latest as-of day; nobody else may record it.
 */
let ctx: TestContext;
let province: { id: string };
let commune: { id: string };
let otherCommune: { id: string };
let communeFront: Session;
let provincePolice: Session;
let otherProvince: Session;
let viewer: Session;

const url = (id: string) => `/api/v1/org-units/${id}/populations`;
const figure = (population: number, asOf: string, source = "Niên giám thống kê 2024") => ({
  population,
  asOf,
  source,
});

beforeAll(async () => {
  ctx = await createTestContext();
  province = await unitByCode(ctx.app.db, "province", "96");
  commune = await unitByCode(ctx.app.db, "commune", "31825");
  otherCommune = await unitByCode(ctx.app.db, "commune", "32002");
  communeFront = await signedInAs(ctx.app, "commune_front", commune.id);
  provincePolice = await signedInAs(ctx.app, "province_police", province.id);
  otherProvince = await signedInAs(
    ctx.app,
    "province_front",
    (await unitByCode(ctx.app.db, "province", "01")).id,
  );
  viewer = await signedInAs(ctx.app, "viewer", province.id);
}, 300_000);
afterAll(() => ctx?.close());

describe("commune populations", () => {
  it("are recorded by the commune's cadres, audited, with the history kept and the latest day first", async () => {
    const first = await call(ctx.app, communeFront, "POST", url(commune.id), figure(41250, "2023-12-31"));
    expect(first.statusCode, first.body).toBe(201);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "org_unit.population_recorded",
      orgUnitId: commune.id,
      data: { population: 41250, asOf: "2023-12-31", source: "Niên giám thống kê 2024" },
    });
    const second = await call(
      ctx.app,
      provincePolice,
      "POST",
      url(commune.id),
      figure(42010, "2024-12-31", "Số liệu của xã"),
    );
    expect(second.statusCode, second.body).toBe(201);
    const list = second.json<UnitPopulations>();
    expect(list.canRecord).toBe(true);
    expect(list.items.map((i) => [i.population, i.asOf, i.source])).toEqual([
      [42010, "2024-12-31", "Số liệu của xã"],
      [41250, "2023-12-31", "Niên giám thống kê 2024"],
    ]);
    expect(list.items[0]!.recordedByName).toEqual(expect.any(String));
  });

  it("may not be recorded by a viewer, another commune's or another province's cadre", async () => {
    const before = await lastAuditEvent(ctx.app.db);
    expect((await call(ctx.app, viewer, "POST", url(commune.id), figure(1, "2024-01-01"))).statusCode).toBe(
      403,
    );
    expect(
      (await call(ctx.app, communeFront, "POST", url(otherCommune.id), figure(9, "2024-01-01"))).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, otherProvince, "POST", url(commune.id), figure(9, "2024-01-01"))).statusCode,
    ).toBe(404);
    expect((await call(ctx.app, null, "POST", url(commune.id), figure(9, "2024-01-01"))).statusCode).toBe(
      401,
    );
    expect((await lastAuditEvent(ctx.app.db))!.id).toBe(before!.id);
    const seen = await call(ctx.app, viewer, "GET", url(commune.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.json<UnitPopulations>().canRecord).toBe(false);
  });

  it("are a positive whole number with a day and a source, and only for a commune", async () => {
    const bad = await call(ctx.app, communeFront, "POST", url(commune.id), {
      population: 0,
      asOf: "2024-01-01",
      source: " ",
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["population", "source"]));
    const atProvince = await call(
      ctx.app,
      provincePolice,
      "POST",
      url(province.id),
      figure(1_000_000, "2024-12-31"),
    );
    expect(atProvince.statusCode).toBe(400);
  });
});
