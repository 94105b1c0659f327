import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type TestContext } from "../../test/harness";
import { rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { seedDemoFestivals } from "./seed-festivals";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("demo festivals 19/8", () => {
  it("records one held festival a year 2013–2016 at the former Bạc Liêu city, found from today's province", async () => {
    expect(await seedDemoFestivals(t.app.db)).toBe(4);
    expect(await seedDemoFestivals(t.app.db)).toBe(4); // idempotent: one per unit and year
    const admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id);
    const caMau = await unitByCode(t.app.db, "province", "96");
    for (const year of [2013, 2016]) {
      const res = await call(
        t.app,
        admin,
        "GET",
        `/api/v1/festivals/overview?orgUnitId=${caMau.id}&year=${year}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().totals).toMatchObject({ planned: 1, held: 1 });
      expect(res.json().byLevel.find((l: { level: string }) => l.level === "district").held).toBe(1);
    }
    const none = await call(
      t.app,
      admin,
      "GET",
      `/api/v1/festivals/overview?orgUnitId=${caMau.id}&year=2017`,
    );
    expect(none.json().totals.planned).toBe(0);
  });
});
