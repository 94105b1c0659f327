import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createTestContext, type TestContext } from "../../test/harness";
import { boundaryCodes, loadCommuneBoundaries, loadProvinceBoundaries } from "./boundaries";

/** The boundary files carry exactly the codes of the units the importer made (the current tree). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 300_000);
afterAll(() => ctx?.close());

describe("boundary files", () => {
  it("have one feature per current province and, per province, per current commune", async () => {
    const rows = await queryRows<{ province: string; commune: string | null }>(
      ctx.app.db,
      sql`select p.code as province, c.code as commune from org_units p
          left join org_units c on c.parent_id = p.id and c.kind = 'commune' and c.valid_to is null
          where p.kind = 'province' and p.valid_to is null`,
    );
    const byProvince = new Map<string, string[]>();
    for (const r of rows) {
      byProvince.set(r.province, [...(byProvince.get(r.province) ?? []), ...(r.commune ? [r.commune] : [])]);
    }
    expect([...byProvince.keys()].sort()).toEqual(boundaryCodes(loadProvinceBoundaries()).sort());
    for (const [province, communes] of byProvince) {
      const topo = loadCommuneBoundaries(province);
      expect(topo, province).not.toBeNull();
      expect(boundaryCodes(topo!).sort(), province).toEqual(communes.sort());
    }
    expect(loadCommuneBoundaries("99")).toBeNull();
    expect(loadCommuneBoundaries("../provinces_2025-07-01")).toBeNull();
  });

  it("are read once and kept", () => {
    expect(loadCommuneBoundaries("96")).toBe(loadCommuneBoundaries("96"));
    expect(loadProvinceBoundaries()).toBe(loadProvinceBoundaries());
  });
});
