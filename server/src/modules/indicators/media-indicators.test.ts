import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call } from "../../test/harness";
import { buildWorld, type World } from "../groups/test-support";
import { recountMediaFigures } from "../media/test-support";
import { computeIndicators } from "./registry";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const post = (url: string, body: unknown) => call(w.t.app, w.baclieu, "POST", `/api/v1${url}`, body);

/** The same figures counted straight from the records. */
const recount = async (prefix: string, year: number) => {
  const r = await recountMediaFigures(w.t.app.db, prefix, year);
  return { "media.items": r.items, "media.partnerships": r.partnerships };
};

describe("media indicators", () => {
  it("count items per year and partnerships in force, up the tree, as a recount of the records", async () => {
    const [unit] = await queryRows<{ ward: string; province: string; front: string }>(
      w.t.app.db,
      sql`select c.path as ward, p.path as province,
            (select id from bodies where org_unit_id = c.id and kind = 'front') as front
          from org_units c join org_units p on p.id = c.province_id where c.id = ${w.baclieuId}`,
    );
    const create = await post("/media-partnerships", {
      orgUnitId: w.baclieuId,
      ownerBodyId: unit!.front,
      partnerName: "Đài PT-TH Cà Mau (demo)",
      partnerKind: "radio_tv",
      periodFrom: "2024-06-01",
      periodTo: "2025-05-31",
    });
    expect(create.statusCode, create.body).toBe(201);
    const id = create.json<{ id: string }>().id;
    for (const publishedOn of ["2024-08-19", "2024-11-02", "2025-03-26"]) {
      const r = await post(`/media-partnerships/${id}/items`, {
        publishedOn,
        title: "Phóng sự về mô hình camera an ninh",
        kind: "report",
        topic: "law",
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const codes = ["media.items", "media.partnerships"] as const;
    for (const prefix of [unit!.ward, unit!.province]) {
      for (const year of [2024, 2025, 2026]) {
        const got = await computeIndicators(w.t.app.db, [...codes], {
          rollupPathPrefix: prefix,
          year,
          asOf: `${year}-12-31`,
        });
        expect(got, `${prefix} ${year}`).toEqual(await recount(prefix, year));
      }
    }
    const y2024 = await computeIndicators(w.t.app.db, [...codes], {
      rollupPathPrefix: unit!.province,
      year: 2024,
      asOf: "2024-12-31",
    });
    expect(y2024).toEqual({ "media.items": 2, "media.partnerships": 1 });
  });
});
