import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { api, buildCaseWorld, newCase, type CaseWorld } from "./test-support";

let w: CaseWorld;
/** The former Bạc Liêu city (district 954, until 30/06/2025), whose wards formed Phường Bạc Liêu. */
let city: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  const [row] = await queryRows<{ id: string }>(
    w.t.app.db,
    sql`select id from org_units where kind = 'district' and code = '954' and valid_to is not null`,
  );
  city = row!.id;
  await newCase(w);
});
afterAll(() => w.t.close());

const figures = async (unit: string) => {
  const res = await api(
    w,
    w.as.provincePolice,
    "GET",
    `/cases/statistics?orgUnitId=${unit}&period=year&key=2026`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ figures: Record<string, number | null> }>().figures;
};

describe("getCaseStatistics of a pre-reform unit", () => {
  it("reads the former unit's own old subtree, not the ward it rolls up into", async () => {
    expect(await figures(w.ward)).toMatchObject({ newInPeriod: 1, underManagement: 1 });
    expect(await figures(w.province)).toMatchObject({ newInPeriod: 1, underManagement: 1 });
    expect(await figures(city)).toMatchObject({ newInPeriod: 0, underManagement: 0, supports: 0 });
  });

  it("answers the reintegration indicators of the former unit from its own subtree", async () => {
    const q = (unit: string, at = "") =>
      api(
        w,
        w.as.admin,
        "GET",
        `/indicators/query?indicators=reintegration.reeducated,reintegration.helped&orgUnitId=${unit}&from=2025-01-01&to=2025-06-30${at}`,
      );
    const res = await q(city, "&at=2025-06-30");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ totals: Record<string, number | null> }>().totals).toEqual({
      "reintegration.reeducated": 0,
      "reintegration.helped": 0,
    });
  });
});
