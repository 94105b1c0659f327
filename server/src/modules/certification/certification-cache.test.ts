import { todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../db/client";
import { createResidentialArea, unitByCode } from "../../test/factories";
import { createTestContext, type TestContext } from "../../test/harness";
import { certificationRatesByChild } from "./certification.rates";

/**
 * A past year's counts are cached per process: a write to the units or the recorded results,
 * whatever path makes it, must show on the next read.
 */
let t: TestContext;
let db: Db;
const YEAR = Number(todayInVietnam().slice(0, 4)) - 1;

beforeAll(async () => {
  t = await createTestContext();
  db = t.app.db;
});

afterAll(async () => {
  await t?.close();
});

describe("past-year certification counts", () => {
  it("follow writes to the units and the recorded results", async () => {
    const commune = await unitByCode(db, "commune", "31825");
    const area = await createResidentialArea(db, commune.id, "Khóm Bộ Nhớ Đệm");
    const rates = async () =>
      (await certificationRatesByChild(db, { path: commune.path, year: YEAR })).get(area)?.[
        "certification.residential_area_rate"
      ];
    // No cycle or result for the new area that year: no data (read twice: the second from the cache).
    expect(await rates()).toBeNull();
    expect(await rates()).toBeNull();
    const [u] = await queryRows<{ path: string; rollupPath: string }>(
      db,
      sql`select path, rollup_path as "rollupPath" from org_units where id = ${area}`,
    );
    await db.execute(sql`insert into certification_history (org_unit_id, unit_path, rollup_path, unit_type, year, certified)
      values (${area}, ${u!.path}, ${u!.rollupPath}, 'residential_area', ${YEAR}, true)`);
    expect(await rates()).toBe(1);
    // Ended before the year's end: no longer one of that year's units.
    await db.execute(sql`update org_units set valid_to = ${`${YEAR}-06-30`}::date where id = ${area}`);
    expect(await rates()).toBeUndefined();
  });
});
