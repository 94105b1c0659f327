import { todayInVietnam } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/harness";
import { createResidentialArea, unitByCode } from "../../test/factories";
import { safeFamilyFigures } from "../households";
import { seedDemoHouseholds } from "./seed-households";
import { seedDemoSafeFamilies } from "./seed-safe-families";

let t: TestContext;
let areaPath: string;
const YEAR = Number(todayInVietnam().slice(0, 4));

beforeAll(async () => {
  t = await createTestContext();
  const ward = await unitByCode(t.app.db, "commune", "31825");
  const areaId = await createResidentialArea(t.app.db, ward.id, "Khóm 1");
  areaPath = `${ward.path}${areaId}/`;
  await seedDemoHouseholds(t.app.db, { id: areaId, provinceId: ward.provinceId, rollupPath: areaPath }, YEAR);
  await seedDemoSafeFamilies(t.app.db, areaId, YEAR);
});
afterAll(() => t.close());

describe("the demo's safe families", () => {
  it("land at 95–97 % of the households counted for last year (the seeds' figure)", async () => {
    const f = await safeFamilyFigures(t.app.db, { rollupPathPrefix: areaPath, year: YEAR - 1 });
    expect(f.households).toBeGreaterThan(100);
    expect(f.rate).toBeGreaterThanOrEqual(0.95);
    expect(f.rate).toBeLessThanOrEqual(0.97);
  });

  it("this year's review, once due (15/11), lands in the same range; never before", async () => {
    const f = await safeFamilyFigures(t.app.db, { rollupPathPrefix: areaPath, year: YEAR });
    if (todayInVietnam() >= `${YEAR}-11-15`) {
      expect(f.rate).toBeGreaterThanOrEqual(0.95);
      expect(f.rate).toBeLessThanOrEqual(0.97);
    } else expect(f.recognised).toBe(0);
  });
});
